namespace Changxing.Points.Holds;

/// <summary>The part of a hold taken from one lot, so capture and release settle exactly those lots.</summary>
public sealed class HoldAllocation(Guid lotId, long points)
{
    public Guid HoldId { get; private set; }

    public Guid LotId { get; private set; } = lotId;

    public long Points { get; private set; } = points;
}
