namespace Changxing.Contracts.Points;

/// <summary>The safety net released a hold that was neither captured nor released in time.</summary>
public sealed record PointsHoldExpired(Guid RedemptionId, Guid MemberId, Guid HoldId, long Points, DateTimeOffset ReleasedAt);
