using System.Data;
using System.Runtime.ExceptionServices;
using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// Runs a saga's read-lock-change-save as one database transaction. SQLite takes its write lock before the read
/// (Microsoft.Data.Sqlite begins with <c>BEGIN IMMEDIATE</c>; this process's writers queue for it on
/// <see cref="SqliteFileWriterGate"/> first); the other
/// providers lock the row with their lock statement (<see cref="RowLockStatement"/>).
/// </summary>
internal static class SagaTransaction
{
    /// <summary>
    /// The body runs exactly once per call. A provider's retrying execution strategy must not replay it: a failure is
    /// rethrown to the bus, whose retry starts again with a fresh scope. Inside a transaction the caller already holds
    /// (a consumed message's, opened by the outbox filter with its inbox entry and outgoing messages) the body joins it:
    /// the row locks are the same, and the caller commits.
    /// </summary>
    public static async Task RunAsync(DbContext db, IsolationLevel isolationLevel, Func<Task> body, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await body();
            return;
        }

        ExceptionDispatchInfo? failure = null;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            try
            {
                await RunOnceAsync(db, isolationLevel, body, cancellationToken);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        });
        failure?.Throw();
    }

    private static async Task RunOnceAsync(DbContext db, IsolationLevel isolationLevel, Func<Task> body, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.GetDatabaseProvider() == DatabaseProvider.Sqlite;
        await using var turn = await SqliteFileWriterGate.EnterAsync(db, cancellationToken);

        // Microsoft.Data.Sqlite turns Serializable into BEGIN IMMEDIATE; other levels are meaningless there.
        await using var transaction = await db.Database.BeginTransactionAsync(sqlite ? IsolationLevel.Serializable : isolationLevel, cancellationToken);

        // A failed SaveChanges fails the whole message, so EF's savepoint around each one is two wasted round trips;
        // the insert-on-initial path turns it back on for its one insert (DbContextSagaRepositoryContext.Insert).
        using var savepoints = AutoSavepoints.Off(db);
        try
        {
            await body();
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (Exception)
            {
                // The connection may already be gone; disposing the transaction rolls back what is left.
            }

            // Whatever the failed attempt tracked (an instance whose insert failed, changed values) must not leak into the next.
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
