namespace Changxing.Contracts.Points;

/// <summary>Make the redemption's hold final. Idempotent by redemption id.</summary>
public sealed record CapturePoints(Guid RedemptionId, Guid MemberId);
