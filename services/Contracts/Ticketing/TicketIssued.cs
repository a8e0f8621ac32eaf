namespace Changxing.Contracts.Ticketing;

public sealed record TicketIssued(
    Guid RedemptionId,
    Guid MemberId,
    string TicketNumber,
    string TrainNumber,
    DateOnly TravelDate,
    string FromStation,
    string ToStation,
    DateTimeOffset DepartsAt,
    string SeatClass,
    string Car,
    string Seat,
    string PassengerName,
    decimal Fare,
    long PointsPaid);
