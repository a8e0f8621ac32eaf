using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Changxing.Ticketing.Data;

/// <summary>
/// Runs what <see cref="TicketingDbContext.AfterCommit"/> collected once the context's transaction has committed, and
/// forgets it when the transaction rolls back or a new one begins. The search read model is updated this way when a
/// seat changes inside a transaction someone else commits (the redemption saga's): a picture of a change that was
/// rolled back must never be shown.
/// </summary>
internal sealed class AfterCommitInterceptor : DbTransactionInterceptor
{
    public static readonly AfterCommitInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Run(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Run(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Forget(eventData.Context);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Run(TransactionEndEventData eventData)
    {
        if (eventData.Context is TicketingDbContext db)
        {
            var actions = db.AfterCommit.ToList();
            db.AfterCommit.Clear();
            actions.ForEach(action => action());
        }
    }

    private static void Forget(Microsoft.EntityFrameworkCore.DbContext? context) => (context as TicketingDbContext)?.AfterCommit.Clear();
}
