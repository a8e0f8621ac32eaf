namespace Changxing.Contracts.Ticketing;

public sealed record SeatReleased(Guid RedemptionId, Guid? HoldId);
