namespace Changxing.Contracts.Points;

public sealed record PointsExpired(Guid MemberId, Guid LotId, long Points, DateOnly ExpiredOn);
