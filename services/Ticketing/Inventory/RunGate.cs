using System.Collections.Concurrent;

namespace Changxing.Ticketing.Inventory;

/// <summary>
/// Queues this process's writers of one run before they reach the database, where the locked run row is what
/// actually serialises them (across processes too). Without it, many SQLite writers spin on busy_timeout and a few
/// wait seconds (docs/PERFORMANCE.md, platform facts); with it they wait their turn in order.
/// </summary>
public sealed class RunGate
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _gates = new();

    public async Task<IDisposable> EnterAsync(Guid runId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(runId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
