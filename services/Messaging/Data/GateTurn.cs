namespace Changxing.Messaging.Data;

/// <summary>
/// A held turn of an <see cref="InProcessGate"/>. Disposing it passes the turn on exactly once, however often it is
/// disposed (a <c>using</c> plus an explicit release, or a retry path that disposes again): a second release would let
/// two writers in at once.
/// </summary>
public sealed class GateTurn : IDisposable, IAsyncDisposable
{
    private readonly SemaphoreSlim _turn;
    private int _released;

    internal GateTurn(SemaphoreSlim turn) => _turn = turn;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _turn.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
