using System.Collections.Concurrent;
using System.Diagnostics;

namespace Changxing.Bench.Load;

/// <summary>Messages consumed and their publish→consume latency, shared by the consumer and the measurement.</summary>
public sealed class BusCeilingCounter
{
    private readonly ConcurrentQueue<double> _latencies = new();
    private long _consumed;
    private long _lastConsumedAt = Stopwatch.GetTimestamp();

    public long Consumed => Interlocked.Read(ref _consumed);

    public IEnumerable<double> LatenciesMs => _latencies;

    public void Record(long sentAt)
    {
        _latencies.Enqueue(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
        Interlocked.Increment(ref _consumed);
        Interlocked.Exchange(ref _lastConsumedAt, Stopwatch.GetTimestamp());
    }

    public void Reset()
    {
        _latencies.Clear();
        Interlocked.Exchange(ref _consumed, 0);
    }

    /// <summary>Waits until nothing has been consumed for half a second: the queue is empty.</summary>
    public async Task DrainedAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastConsumedAt)) < TimeSpan.FromMilliseconds(500))
        {
            await Task.Delay(100);
        }
    }
}
