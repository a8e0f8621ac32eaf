namespace Changxing.Points.Accrual;

/// <summary>The ticket details a credit needs, from TripCompleted or from an operator's back-registration.</summary>
public sealed record TripTicket(string TicketNumber, Guid MemberId, decimal FacePrice, DateOnly DepartureDate, string PaymentMethod);
