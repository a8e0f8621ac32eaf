using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Changxing.Messaging.Data;

/// <summary>
/// Puts a SaveChanges that runs outside any transaction of the caller (an API's insert, a consumer's single save) in
/// the process's queue of SQLite writers (<see cref="SqliteFileWriterGate"/>), so it waits its turn instead of meeting a
/// held write lock and sleeping in the driver's busy retry. Under load that sleep, not the CPU, was what limited a
/// service (docs/PERFORMANCE.md). Writes inside a transaction are the transaction owner's to queue.
/// Written by hand: EF Core offers the interception points, not the queue.
/// </summary>
public sealed class SqliteWriteGateInterceptor : SaveChangesInterceptor
{
    public static readonly SqliteWriteGateInterceptor Instance = new();

    /// <summary>How long a save waits for its turn before it goes on to SQLite's own busy handling.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private static readonly ConditionalWeakTable<DbContext, GateTurn> Held = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (NeedsTurn(eventData.Context) is { } db
            && SqliteFileWriterGate.TryEnterAsync(db.Database.GetConnectionString(), Patience, CancellationToken.None).AsTask().GetAwaiter().GetResult() is { } turn)
        {
            Held.AddOrUpdate(db, turn);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (NeedsTurn(eventData.Context) is { } db
            && await SqliteFileWriterGate.TryEnterAsync(db.Database.GetConnectionString(), Patience, cancellationToken) is { } turn)
        {
            Held.AddOrUpdate(db, turn);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private static DbContext? NeedsTurn(DbContext? db) =>
        db is not null && db.Database.CurrentTransaction is null && db.Database.GetDatabaseProvider() == DatabaseProvider.Sqlite ? db : null;

    private static void Release(DbContext? db)
    {
        if (db is not null && Held.TryGetValue(db, out var turn))
        {
            Held.Remove(db);
            turn.Dispose();
        }
    }
}
