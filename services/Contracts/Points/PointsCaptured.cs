namespace Changxing.Contracts.Points;

public sealed record PointsCaptured(Guid RedemptionId, Guid MemberId, Guid HoldId, long Points);
