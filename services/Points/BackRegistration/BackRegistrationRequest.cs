namespace Changxing.Points.BackRegistration;

/// <summary>
/// A missing trip, named by its ticket: Points asks Ticketing, which owns tickets, for the face price, departure,
/// payment and member; a <c>facePrice</c>, <c>departureDate</c> or <c>paymentMethod</c> in the body is not read.
/// </summary>
public sealed record BackRegistrationRequest(string? TicketNumber, Guid MemberId);
