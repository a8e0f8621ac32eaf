namespace Changxing.Contracts.Points;

/// <summary>The hold could not be captured (HoldNotFound, HoldAlreadyReleased).</summary>
public sealed record PointsCaptureRejected(Guid RedemptionId, Guid MemberId, string Reason, string Detail);
