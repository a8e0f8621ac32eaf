using Microsoft.Data.Sqlite;

namespace Changxing.Messaging.Data;

/// <summary>
/// One process per SQLite file: an exclusive lock on a file beside the database (<c>&lt;file&gt;.instance-lock</c>), held
/// while the service runs. SQLite is the single-instance embedded default: the writer queue that keeps its one writer
/// fast (<see cref="SqliteFileWriterGate"/>) and the periodic jobs assume no other process writes the file, so a second
/// process on it is refused at start-up. Several instances run on a server database (docs/DEPLOYMENT.md).
/// </summary>
/// <remarks>
/// Hand-written: SQLite has no "one process only" mode. The lock is the operating system's (.NET takes <c>flock</c> for
/// <see cref="FileShare.None"/> on Unix, a sharing lock on Windows), so a killed process leaves nothing behind.
/// Within one process the lock is shared and counted: hosts in one process share the writer queue too, and the tests
/// start a second host on the same file on purpose.
/// </remarks>
public static class SqliteInstanceLock
{
    private static readonly Dictionary<string, (FileStream File, int Holders)> Held = new(StringComparer.Ordinal);

    /// <summary>The lock file of a SQLite connection string, or null for a database that is not a file of its own (in memory, read-only).</summary>
    public static string? LockFileOf(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode is SqliteOpenMode.Memory or SqliteOpenMode.ReadOnly
            || string.IsNullOrEmpty(builder.DataSource)
            || builder.DataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Path.GetFullPath(builder.DataSource) + ".instance-lock";
    }

    /// <summary>Takes the lock for this process; dispose the result to give this holder's share back.</summary>
    /// <exception cref="InvalidOperationException">Another process holds the lock.</exception>
    public static IDisposable Acquire(string connectionString)
    {
        var path = LockFileOf(connectionString);
        if (path is null)
        {
            return new Release(null);
        }

        lock (Held)
        {
            if (Held.TryGetValue(path, out var held))
            {
                Held[path] = (held.File, held.Holders + 1);
                return new Release(path);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                Held[path] = (file, 1);
                return new Release(path);
            }
            catch (IOException e)
            {
                var database = path[..^".instance-lock".Length];
                throw new InvalidOperationException(
                    $"Another process already runs on the SQLite database {database} (it holds {path}). SQLite is the " +
                    "single-instance embedded default: run one instance per database file, give this instance its own " +
                    "Database__DataDirectory, or run several instances on Database__Provider=Postgres (docs/DEPLOYMENT.md).", e);
            }
        }
    }

    private sealed class Release(string? path) : IDisposable
    {
        private string? _path = path;

        public void Dispose()
        {
            var path = Interlocked.Exchange(ref _path, null);
            if (path is null)
            {
                return;
            }

            lock (Held)
            {
                var held = Held[path];
                if (held.Holders > 1)
                {
                    Held[path] = (held.File, held.Holders - 1);
                    return;
                }

                Held.Remove(path);
                held.File.Dispose();
            }
        }
    }
}
