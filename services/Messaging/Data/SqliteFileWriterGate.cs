using Microsoft.Data.Sqlite;

namespace Changxing.Messaging.Data;

/// <summary>
/// One writer at a time per SQLite file in this process: saga transactions (<see cref="Sagas.SagaTransaction"/>) and
/// every SaveChanges outside a transaction (<see cref="SqliteWriteGateInterceptor"/>). SQLite has a single writer anyway;
/// queueing here instead of in the busy retry of Microsoft.Data.Sqlite (which sleeps between attempts) keeps waits in
/// milliseconds rather than seconds (docs/PERFORMANCE.md, platform facts).
/// </summary>
internal static class SqliteFileWriterGate
{
    private static readonly InProcessGates<string> Files = new(StringComparer.Ordinal);

    public static ValueTask<GateTurn> EnterAsync(string? connectionString, CancellationToken cancellationToken) =>
        GateOf(connectionString).EnterAsync(cancellationToken);

    /// <summary>
    /// Waits at most <paramref name="patience"/>; null when the gate stayed taken, and the caller goes on to SQLite's own
    /// busy handling (so a writer that happens to run inside another's turn waits seconds at worst, never for ever).
    /// </summary>
    public static ValueTask<GateTurn?> TryEnterAsync(string? connectionString, TimeSpan patience, CancellationToken cancellationToken) =>
        GateOf(connectionString).TryEnterAsync(patience, cancellationToken);

    private static InProcessGate GateOf(string? connectionString) =>
        Files.For(Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource));
}
