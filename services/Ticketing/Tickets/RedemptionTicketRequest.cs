namespace Changxing.Ticketing.Tickets;

/// <summary>A seat inside the "兑" quota and its points-paid e-ticket, for one redemption whose points are reserved.</summary>
public sealed record RedemptionTicketRequest(
    Guid RedemptionId,
    Guid MemberId,
    string TrainNumber,
    DateOnly TravelDate,
    string FromStation,
    string ToStation,
    string SeatClass,
    string PassengerKey,
    string PassengerName,
    string PassengerIdMasked,
    long PointsPaid);
