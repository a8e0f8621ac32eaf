namespace Changxing.Points.Holds;

/// <summary>Points held for one redemption (one hold per redemption id), taken from the oldest usable lots.</summary>
public sealed class PointsHold
{
    private readonly List<HoldAllocation> _allocations = [];

    public PointsHold(Guid redemptionId, Guid memberId, long points, DateTimeOffset heldAt, DateTimeOffset expiresAt)
    {
        HoldId = Guid.NewGuid();
        RedemptionId = redemptionId;
        MemberId = memberId;
        Points = points;
        HeldAt = heldAt;
        ExpiresAt = expiresAt;
        Status = HoldStatus.Held;
    }

    public Guid HoldId { get; private set; }

    public Guid RedemptionId { get; private set; }

    public Guid MemberId { get; private set; }

    public long Points { get; private set; }

    public HoldStatus Status { get; private set; }

    public DateTimeOffset HeldAt { get; private set; }

    /// <summary>After this the sweeper releases the hold if it is still held.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? SettledAt { get; private set; }

    public string? ReleaseReason { get; private set; }

    /// <summary>Whether PointsHoldExpired went out for a hold the sweeper released.</summary>
    public bool ExpiryReported { get; private set; }

    public IReadOnlyList<HoldAllocation> Allocations => _allocations;

    public void Allocate(Guid lotId, long points) => _allocations.Add(new HoldAllocation(lotId, points));

    public void MarkCaptured(DateTimeOffset at) => Settle(HoldStatus.Captured, at, null);

    public void MarkReleased(DateTimeOffset at, string reason) => Settle(HoldStatus.Released, at, reason);

    public void MarkExpired(DateTimeOffset at) => Settle(HoldStatus.Expired, at, "Neither captured nor released in time");

    public void MarkExpiryReported() => ExpiryReported = true;

    public void MarkCaptureReversed(DateTimeOffset at, string reason) => Settle(HoldStatus.CaptureReversed, at, reason, from: HoldStatus.Captured);

    private void Settle(HoldStatus status, DateTimeOffset at, string? reason, HoldStatus from = HoldStatus.Held)
    {
        if (Status != from)
        {
            throw new InvalidOperationException($"Hold {HoldId} is {Status}; only a {from.ToString().ToLowerInvariant()} hold can become {status}.");
        }

        Status = status;
        SettledAt = at;
        ReleaseReason = reason is { Length: > 200 } ? reason[..200] : reason;
    }
}
