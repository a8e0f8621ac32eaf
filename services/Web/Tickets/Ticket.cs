namespace Changxing.Web.Tickets;

/// <summary>An e-ticket as Ticketing answers it (<c>GET /api/ticketing/tickets</c>).</summary>
public sealed record Ticket(
    string TicketNumber, string Status, string TrainNumber, DateOnly TravelDate, string FromStation, string ToStation,
    DateTimeOffset DepartsAt, DateTimeOffset ArrivesAt, string SeatClass, string Car, string Seat, string PassengerName,
    string PassengerIdMasked, decimal Fare, string PaymentMethod, long PointsPaid, Guid MemberId, Guid? RedemptionId);
