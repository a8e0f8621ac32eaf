namespace Changxing.Points.Holds;

/// <summary>
/// A reserve that placed no hold, kept so a redelivered command answers the same rejection. A release that arrives
/// before its reserve also leaves one (HoldAlreadyReleased), so the late reserve can never place a hold nobody releases.
/// </summary>
public sealed class ReservationRejection(Guid redemptionId, Guid memberId, string reason, string detail, long required, long available, long frozen, long shortfall, DateTimeOffset rejectedAt)
{
    public Guid RedemptionId { get; private set; } = redemptionId;

    public Guid MemberId { get; private set; } = memberId;

    public string Reason { get; private set; } = reason;

    public string Detail { get; private set; } = detail;

    public long Required { get; private set; } = required;

    public long Available { get; private set; } = available;

    public long Frozen { get; private set; } = frozen;

    public long Shortfall { get; private set; } = shortfall;

    public DateTimeOffset RejectedAt { get; private set; } = rejectedAt;
}
