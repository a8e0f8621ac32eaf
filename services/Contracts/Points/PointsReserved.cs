namespace Changxing.Contracts.Points;

public sealed record PointsReserved(Guid RedemptionId, Guid MemberId, Guid HoldId, long Points);
