using System.Numerics;

namespace Changxing.Ticketing.Inventory;

/// <summary>
/// The legs of a run a seat is sold on, one bit per leg: leg i runs from stop i to stop i + 1. A seat sold Beijing
/// South→Jinan West has only the legs before Jinan West set, so Jinan West→Shanghai Hongqiao is still free on it.
/// </summary>
public readonly record struct SeatLegMask(ulong Bits)
{
    public const int MaxLegs = 64;

    public static readonly SeatLegMask None = new(0UL);

    /// <summary>The legs travelled from stop <paramref name="fromStop"/> to stop <paramref name="toStop"/> (exclusive).</summary>
    public static SeatLegMask Segment(int fromStop, int toStop)
    {
        if (fromStop < 0 || toStop <= fromStop || toStop > MaxLegs)
        {
            throw new ArgumentOutOfRangeException(nameof(toStop), $"A segment runs forward between stops 0..{MaxLegs}: {fromStop}→{toStop}.");
        }

        var length = toStop - fromStop;
        var ones = length == MaxLegs ? ulong.MaxValue : (1UL << length) - 1;
        return new SeatLegMask(ones << fromStop);
    }

    public bool IsEmpty => Bits == 0;

    public int LegCount => BitOperations.PopCount(Bits);

    public bool Overlaps(SeatLegMask other) => (Bits & other.Bits) != 0;

    public SeatLegMask With(SeatLegMask other) => new(Bits | other.Bits);

    public SeatLegMask Without(SeatLegMask other) => new(Bits & ~other.Bits);

    /// <summary>
    /// The free legs a segment would strand on this seat: the free run of legs around the segment minus the segment.
    /// Zero means the segment exactly fills a gap; a fresh seat strands every other leg of the run.
    /// </summary>
    public int LegsStrandedBy(SeatLegMask segment, int legCount)
    {
        var first = BitOperations.TrailingZeroCount(segment.Bits);
        var last = MaxLegs - 1 - BitOperations.LeadingZeroCount(segment.Bits);
        var left = first;
        while (left > 0 && (Bits & (1UL << (left - 1))) == 0)
        {
            left--;
        }

        var right = last;
        while (right < legCount - 1 && (Bits & (1UL << (right + 1))) == 0)
        {
            right++;
        }

        return (right - left + 1) - segment.LegCount;
    }

    public override string ToString() => Convert.ToString((long)Bits, 2);
}
