namespace Changxing.Contracts.Points;

/// <summary>Compensation: give the redemption's held points back to their lots. Idempotent; a redemption with no hold answers released with 0 points.</summary>
public sealed record ReleasePoints(Guid RedemptionId, Guid MemberId, string Reason);
