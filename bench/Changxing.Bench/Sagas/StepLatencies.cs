using System.Collections.Concurrent;
using System.Diagnostics;

namespace Changxing.Bench.Sagas;

/// <summary>Step latencies in milliseconds: from the saga asking for a step to the saga handling its answer.</summary>
public sealed class StepLatencies
{
    private readonly ConcurrentQueue<double> _samples = new();

    public bool Recording { get; set; }

    public void Record(long sentAt)
    {
        if (Recording)
        {
            _samples.Enqueue(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
        }
    }

    public void Clear() => _samples.Clear();

    public double Percentile(double p)
    {
        var sorted = _samples.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
