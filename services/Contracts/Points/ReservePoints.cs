namespace Changxing.Contracts.Points;

/// <summary>Saga step 2: hold <paramref name="Points"/> on the member's oldest usable lots. Idempotent by redemption id.</summary>
public sealed record ReservePoints(Guid RedemptionId, Guid MemberId, long Points);
