using Changxing.Ticketing.Allotments;
using Changxing.Ticketing.Inventory;

namespace Changxing.Ticketing.Search;

/// <summary>
/// An immutable picture of one run's seats and "兑" quotas at a version. Search reads it without locks; every committed
/// change replaces it with a newer one.
/// </summary>
public sealed class RunAvailability
{
    public RunAvailability(Guid runId, string trainNumber, DateOnly serviceDate, long version, IEnumerable<RunSeat> seats, IEnumerable<Allotment> allotments)
    {
        RunId = runId;
        TrainNumber = trainNumber;
        ServiceDate = serviceDate;
        Version = version;
        SoldMasks = seats
            .Where(s => s.SoldLegs != 0)
            .GroupBy(s => s.SeatClass)
            .ToDictionary(g => g.Key, g => g.Select(s => s.Sold.Bits).ToArray(), StringComparer.Ordinal);
        Allotments = [.. allotments
            .OrderByDescending(a => a.Specificity)
            .Select(a => new AllotmentView(a.Id, a.SeatClass, a.FromStation, a.ToStation, a.Quota, a.Used))];
    }

    public Guid RunId { get; }

    public string TrainNumber { get; }

    public DateOnly ServiceDate { get; }

    public long Version { get; }

    public IReadOnlyDictionary<string, ulong[]> SoldMasks { get; }

    public IReadOnlyList<AllotmentView> Allotments { get; }

    public int SeatsLeft(SeatClassLayout layout, SeatLegMask segment)
    {
        if (!SoldMasks.TryGetValue(layout.SeatClass, out var masks))
        {
            return layout.Capacity;
        }

        var taken = 0;
        foreach (var mask in masks)
        {
            if ((mask & segment.Bits) != 0)
            {
                taken++;
            }
        }

        return layout.Capacity - taken;
    }

    /// <summary>The "兑" quota left for this class and segment: the sum over every allotment that matches it.</summary>
    public int QuotaLeft(string seatClass, string from, string to)
    {
        var left = 0;
        foreach (var a in Allotments)
        {
            if (a.SeatClass == seatClass && (a.FromStation is null || a.FromStation == from) && (a.ToStation is null || a.ToStation == to))
            {
                left += Math.Max(0, a.Quota - a.Used);
            }
        }

        return left;
    }
}

public sealed record AllotmentView(Guid Id, string SeatClass, string? FromStation, string? ToStation, int Quota, int Used);
