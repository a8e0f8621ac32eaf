namespace Changxing.Points.BackRegistration;

/// <summary>A missing trip, as the station-window operator reads it from the ticket.</summary>
public sealed record BackRegistrationRequest(string? TicketNumber, Guid MemberId, decimal FacePrice, DateOnly DepartureDate, string? PaymentMethod);
