namespace Changxing.Bench.Load;

/// <summary>Cumulative CPU seconds per process and of the whole machine (busy and total, all cores) at one moment.</summary>
public sealed record CpuMark(DateTimeOffset At, IReadOnlyDictionary<string, double> ProcessSeconds, double MachineBusySeconds, double MachineTotalSeconds)
{
    /// <summary>CPU per process in the interval since <paramref name="earlier"/>, as a share of one core (1.0 = one core busy).</summary>
    public IReadOnlyDictionary<string, double> CoresSince(CpuMark earlier)
    {
        var seconds = (At - earlier.At).TotalSeconds;
        return ProcessSeconds.ToDictionary(p => p.Key, p => Math.Round((p.Value - earlier.ProcessSeconds.GetValueOrDefault(p.Key)) / seconds, 2));
    }

    /// <summary>CPU milliseconds per process in the interval since <paramref name="earlier"/>, divided by <paramref name="count"/> (e.g. per redemption).</summary>
    public IReadOnlyDictionary<string, double> MillisecondsPer(CpuMark earlier, int count) =>
        ProcessSeconds.ToDictionary(p => p.Key, p => count == 0 ? double.NaN : Math.Round((p.Value - earlier.ProcessSeconds.GetValueOrDefault(p.Key)) * 1000 / count, 1));

    /// <summary>The machine's busy share in the interval since <paramref name="earlier"/> (1.0 = every core busy).</summary>
    public double MachineBusySince(CpuMark earlier) =>
        Math.Round((MachineBusySeconds - earlier.MachineBusySeconds) / Math.Max(1e-9, MachineTotalSeconds - earlier.MachineTotalSeconds), 2);
}
