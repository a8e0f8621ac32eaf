namespace Changxing.Contracts.Points;

/// <summary>A lot entered its last days before expiry and is frozen (即将过期).</summary>
public sealed record PointsExpiringSoon(Guid MemberId, Guid LotId, long Points, DateOnly ExpiresOn);
