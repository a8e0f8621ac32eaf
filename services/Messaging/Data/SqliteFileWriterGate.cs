using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Data;

/// <summary>
/// One writer at a time per SQLite file in this process: every explicit transaction that writes (saga transactions,
/// Points' member transactions, Ticketing's run changes and train edits, through <see cref="EnterAsync(DbContext, CancellationToken)"/>)
/// and every SaveChanges outside a transaction (<see cref="ServiceDbContext"/>, the base of every service's DbContext). SQLite has a single writer
/// anyway; a writer that meets its lock instead sleeps in Microsoft.Data.Sqlite's busy retry, 150 ms a try, and under
/// load waits seconds where this queue waits milliseconds (docs/PERFORMANCE.md, platform facts). Every writer of a file
/// must queue here, in one queue: two queues for one file (Points had its own until 2026-12-07) let their writers meet
/// the lock after all.
/// </summary>
public static class SqliteFileWriterGate
{
    private static readonly InProcessGates<string> Files = new(StringComparer.Ordinal);

    /// <summary>
    /// The turn to hold from before <c>BeginTransaction</c> until the transaction is disposed; null on the server
    /// providers, whose row locks need no queue. Never call it inside a transaction that may hold the write lock.
    /// </summary>
    public static async ValueTask<GateTurn?> EnterAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.GetDatabaseProvider() == DatabaseProvider.Sqlite
            ? await EnterAsync(db.Database.GetConnectionString(), cancellationToken)
            : null;

    internal static ValueTask<GateTurn> EnterAsync(string? connectionString, CancellationToken cancellationToken) =>
        GateOf(connectionString).EnterAsync(cancellationToken);

    /// <summary>
    /// Waits at most <paramref name="patience"/>; null when the gate stayed taken, and the caller goes on to SQLite's own
    /// busy handling (so a writer that happens to run inside another's turn waits seconds at worst, never for ever).
    /// </summary>
    internal static ValueTask<GateTurn?> TryEnterAsync(string? connectionString, TimeSpan patience, CancellationToken cancellationToken) =>
        GateOf(connectionString).TryEnterAsync(patience, cancellationToken);

    private static InProcessGate GateOf(string? connectionString) =>
        Files.For(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource));
}
