namespace Changxing.Messaging.Data;

/// <summary>
/// One holder at a time within this process: the queue a writer joins before it reaches the database, so writers wait
/// their turn here in order instead of inside the database driver (where SQLite's busy retry sleeps between attempts).
/// It never replaces the database's own lock (<see cref="RowLockStatement"/>, SQLite's write lock): other processes
/// do not see it. Every in-process gate of the services is one of these (see README.md in this folder).
/// Hand-written: SemaphoreSlim gives no handle that releases exactly once, which every gate here needs.
/// </summary>
public sealed class InProcessGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    /// <summary>Waits for the turn; dispose the handle to pass it on.</summary>
    public async ValueTask<GateTurn> EnterAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        return new GateTurn(_turn);
    }

    /// <summary>Waits at most <paramref name="patience"/>; null when the turn stayed taken.</summary>
    public async ValueTask<GateTurn?> TryEnterAsync(TimeSpan patience, CancellationToken cancellationToken) =>
        await _turn.WaitAsync(patience, cancellationToken) ? new GateTurn(_turn) : null;

    public void Dispose() => _turn.Dispose();
}
