using System.Collections.Concurrent;
using System.Diagnostics;

namespace Changxing.Bench.Sagas;

/// <summary>
/// Step latencies in milliseconds: from the saga asking for a step to the saga handling its answer. One sample per
/// saga and step: an attempt that was rolled back and retried is overwritten by the later one, the one that committed.
/// </summary>
public sealed class StepLatencies
{
    private readonly ConcurrentDictionary<(Guid Saga, int Step), double> _samples = new();

    public bool Recording { get; set; }

    public void Record(Guid saga, int step, long sentAt)
    {
        if (Recording)
        {
            _samples[(saga, step)] = Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds;
        }
    }

    public void Clear() => _samples.Clear();

    public double Percentile(double p)
    {
        var sorted = _samples.Values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
