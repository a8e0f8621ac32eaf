using Changxing.Messaging.Data;

namespace Changxing.Ticketing.Inventory;

/// <summary>
/// Queues this process's writers of one run before they reach the database, where the locked run row is what
/// actually serialises them (across processes too). Without it, many SQLite writers spin on busy_timeout and a few
/// wait seconds (docs/PERFORMANCE.md, platform facts); with it they wait their turn in order.
/// </summary>
public sealed class RunGate
{
    private readonly InProcessGates<Guid> _runs = new();

    public ValueTask<GateTurn> EnterAsync(Guid runId, CancellationToken cancellationToken) =>
        _runs.For(runId).EnterAsync(cancellationToken);
}
