namespace Changxing.Contracts.Points;

/// <summary>
/// No hold was placed. Reason: BelowRedemptionThreshold (Shortfall = points still to earn before 10,000 lifetime),
/// InsufficientAvailablePoints (Shortfall = Required - Available), or MemberNotActive.
/// </summary>
public sealed record PointsReservationRejected(Guid RedemptionId, Guid MemberId, string Reason, string Detail, long Required, long Available, long Frozen, long Shortfall);
