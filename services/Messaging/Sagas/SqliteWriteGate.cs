using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// One writer at a time per SQLite file in this process: saga transactions (<see cref="SagaTransaction"/>) and every
/// SaveChanges outside a transaction (<see cref="Data.SqliteWriteGateInterceptor"/>). SQLite has a single writer anyway;
/// queueing here instead of in the busy retry of Microsoft.Data.Sqlite (which sleeps between attempts) keeps waits in
/// milliseconds rather than seconds (docs/PERFORMANCE.md, platform facts).
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(string? connectionString, CancellationToken cancellationToken)
    {
        var gate = GateOf(connectionString);
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    /// <summary>
    /// Waits at most <paramref name="patience"/>; null when the gate stayed taken, and the caller goes on to SQLite's own
    /// busy handling (so a writer that happens to run inside another's turn waits seconds at worst, never for ever).
    /// </summary>
    public static async Task<IDisposable?> TryEnterAsync(string? connectionString, TimeSpan patience, CancellationToken cancellationToken)
    {
        var gate = GateOf(connectionString);
        return await gate.WaitAsync(patience, cancellationToken) ? new Release(gate) : null;
    }

    private static SemaphoreSlim GateOf(string? connectionString) =>
        Gates.GetOrAdd(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource), _ => new SemaphoreSlim(1, 1));

    private sealed class Release(SemaphoreSlim gate) : IDisposable
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
