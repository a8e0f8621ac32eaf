using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Changxing.ServiceDefaults.Sagas;

/// <summary>
/// One saga writer at a time per SQLite file in this process. SQLite has a single writer anyway; queueing here
/// instead of in SQLite's busy handler keeps waits in milliseconds rather than seconds (docs/PERFORMANCE.md, platform facts).
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(string? connectionString, CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        var gate = Gates.GetOrAdd(file, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

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
