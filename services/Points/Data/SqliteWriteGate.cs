using Changxing.Messaging.Data;

namespace Changxing.Points.Data;

/// <summary>
/// SQLite has one writer per database file. Queueing writers in-process keeps the worst wait near milliseconds,
/// where many writers spinning on busy_timeout wait seconds (docs/PERFORMANCE.md, platform facts). A no-op on the server providers.
/// </summary>
public sealed class SqliteWriteGate(DatabaseSettings settings) : IDisposable
{
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            return null;
        }

        await _writer.WaitAsync(cancellationToken);
        return new Lease(_writer);
    }

    public void Dispose() => _writer.Dispose();

    private sealed class Lease(SemaphoreSlim writer) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                writer.Release();
            }
        }
    }
}
