using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>
/// Fails the commit of the first transaction that wrote one chosen counter saga, after its INSERT or UPDATE ran, and then
/// holds the next transaction the host begins (that message's retry) until the test has looked at the database: a
/// rollback made visible from outside, with the retry still to come.
/// </summary>
public sealed class CommitFailureInjector : DbTransactionInterceptor
{
    private readonly TaskCompletionSource _retryWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _retryReleased = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Guid? _target;
    private int _failed;

    /// <summary>Completes when the failed transaction has been rolled back and its retry waits to begin.</summary>
    public Task RetryWaiting => _retryWaiting.Task;

    public void FailFirstCommitOf(Guid correlationId) => _target = correlationId;

    public void ReleaseRetry() => _retryReleased.TrySetResult();

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _failed) == 1 && !_retryReleased.Task.IsCompleted)
        {
            _retryWaiting.TrySetResult();
            await _retryReleased.Task.WaitAsync(cancellationToken);
        }

        return result;
    }

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_target is { } id
            && eventData.Context is { } db
            && db.ChangeTracker.Entries<CounterState>().Any(e => e.Entity.CorrelationId == id)
            && Interlocked.CompareExchange(ref _failed, 1, 0) == 0)
        {
            throw new InvalidOperationException("Simulated commit failure after the saga's row was written.");
        }

        return ValueTask.FromResult(result);
    }
}
