namespace Changxing.Contracts.Ticketing;

public sealed record SeatHeld(Guid RedemptionId, Guid HoldId, string Car, string Seat, DateTimeOffset ExpiresAt);
