using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>Counts the transactions a test host asks the database for and those the database has granted.</summary>
public sealed class TransactionWatch : DbTransactionInterceptor
{
    private int _requested;
    private int _begun;

    public int Requested => Volatile.Read(ref _requested);

    public int Begun => Volatile.Read(ref _begun);

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _requested);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _begun);
        return ValueTask.FromResult(result);
    }
}
