using Changxing.ServiceDefaults.Time;
namespace Changxing.Ticketing.Tickets;

public sealed record TicketView(
    string TicketNumber,
    string Status,
    string TrainNumber,
    DateOnly TravelDate,
    string FromStation,
    string ToStation,
    DateTimeOffset DepartsAt,
    DateTimeOffset ArrivesAt,
    string SeatClass,
    string Car,
    string Seat,
    string PassengerName,
    string PassengerIdMasked,
    decimal Fare,
    string PaymentMethod,
    long PointsPaid,
    Guid MemberId,
    Guid? RedemptionId)
{
    public static TicketView Of(Ticket t) => new(
        t.TicketNumber, t.Status.ToString(), t.TrainNumber, t.TravelDate, t.FromStation, t.ToStation,
        t.DepartsAt.ToOffset(ChinaCalendar.Offset), t.ArrivesAt.ToOffset(ChinaCalendar.Offset),
        t.SeatClass, t.Car, t.Seat, t.PassengerName, t.PassengerIdMasked, t.Fare, t.PaymentMethod, t.PointsPaid, t.MemberId, t.RedemptionId);
}
