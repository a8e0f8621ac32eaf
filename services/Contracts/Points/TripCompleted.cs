namespace Changxing.Contracts.Points;

/// <summary>
/// A passenger completed a trip (published by Ticketing, standing in for the ticket gates).
/// <paramref name="PaymentMethod"/> is one of <see cref="Contracts.PaymentMethod"/>; points-paid tickets earn nothing.
/// </summary>
public sealed record TripCompleted(string TicketNumber, Guid MemberId, decimal FacePrice, DateOnly DepartureDate, string PaymentMethod, DateTimeOffset CompletedAt);
