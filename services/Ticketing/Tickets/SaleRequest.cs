namespace Changxing.Ticketing.Tickets;

/// <summary>
/// A money-paid ticket sold at a window (an operator endpoint here), so trips can later earn points.
/// <c>PassengerKey</c> identifies the traveller (one seat per run).
/// </summary>
public sealed record SaleRequest(
    Guid MemberId,
    string PassengerKey,
    string PassengerName,
    string PassengerIdMasked,
    string TrainNumber,
    DateOnly TravelDate,
    string FromStation,
    string ToStation,
    string SeatClass);
