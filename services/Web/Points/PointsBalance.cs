namespace Changxing.Web.Points;

/// <summary>Points' balance answer (<c>GET /api/points/me/balance</c>).</summary>
public sealed record PointsBalance(
    Guid MemberId,
    long Available,
    FrozenPoints Frozen,
    long Held,
    long Captured,
    long Expired,
    long LifetimeCredited,
    DateOnly? LastCreditedOn,
    bool RedemptionUnlocked,
    long ThresholdShortfall)
{
    /// <summary>Redemption opens once lifetime credited points first reach this (DESIGN.md; Points' RedemptionThreshold).</summary>
    public const long RedemptionThreshold = 10_000;

    public int ThresholdPercent => (int)Math.Min(100, LifetimeCredited * 100 / RedemptionThreshold);
}

public sealed record FrozenPoints(long Total, long ExpiringSoon, long Expired);
