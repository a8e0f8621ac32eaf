namespace Changxing.Contracts.Redemptions;

public sealed record RedemptionCompleted(
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
    long PointsPaid,
    DateTimeOffset CompletedAt);
