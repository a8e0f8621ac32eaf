namespace Changxing.Ticketing.Trains;

public sealed record TrainView(string Number, IReadOnlyList<StopView> Stops, IReadOnlyList<CarView> Cars, IReadOnlyList<SeatClassView> Classes);

public sealed record StopView(int Sequence, string Station, string Name, TimeOnly? Arrives, TimeOnly? Departs, int DayOffset, int DistanceKm);

public sealed record CarView(string Car, string SeatClass, int Rows, string Letters, int Seats);

public sealed record SeatClassView(string SeatClass, string Name, int Seats);

public sealed record TrainSummary(string Number, string From, string To, TimeOnly? Departs, TimeOnly? Arrives, int Stops);
