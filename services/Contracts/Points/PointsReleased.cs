namespace Changxing.Contracts.Points;

public sealed record PointsReleased(Guid RedemptionId, Guid MemberId, Guid? HoldId, long Points);
