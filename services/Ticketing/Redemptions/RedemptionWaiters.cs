using Changxing.Ticketing.Data;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
namespace Changxing.Ticketing.Redemptions;

/// <summary>
/// Requests of this process that wait for a redemption to finish (<c>Prefer: wait</c>), woken once the saga
/// transition that finished it has committed (<see cref="WakeAfterCommit"/>), so a woken request reads the finished
/// row. A redemption finished by another instance wakes no one here; the waiting request reads the row again at
/// <see cref="RedemptionWait.RecheckInterval"/>.
/// </summary>
public sealed class RedemptionWaiters
{
    /// <summary>
    /// Called by the saga as it finishes a redemption: its outcome is not out until the message's transaction commits
    /// (with the outbox), so the waiters are woken then, not at the publish. A saga kept outside the database (the
    /// state machine's tests) wakes them at once.
    /// </summary>
    public static void WakeAfterCommit(BehaviorContext<RedemptionState> context)
    {
        if (!context.TryGetPayload<IServiceProvider>(out var services) || services.GetService<RedemptionWaiters>() is not { } waiters)
        {
            return;
        }

        var redemptionId = context.Saga.CorrelationId;
        if (services.GetService<TicketingDbContext>() is { Database.CurrentTransaction: not null } db)
        {
            db.AfterCommit.Add(() => waiters.Finished(redemptionId));
        }
        else
        {
            waiters.Finished(redemptionId);
        }
    }

    private readonly Dictionary<Guid, List<TaskCompletionSource>> _waiting = [];

    /// <summary>Starts listening for <paramref name="redemptionId"/>'s outcome; dispose to stop.</summary>
    public Waiter Register(Guid redemptionId)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting)
        {
            if (!_waiting.TryGetValue(redemptionId, out var list))
            {
                _waiting[redemptionId] = list = [];
            }

            list.Add(signal);
        }

        return new Waiter(this, redemptionId, signal);
    }

    /// <summary>Wakes every request waiting for <paramref name="redemptionId"/>.</summary>
    public void Finished(Guid redemptionId)
    {
        List<TaskCompletionSource>? woken;
        lock (_waiting)
        {
            _waiting.Remove(redemptionId, out woken);
        }

        woken?.ForEach(signal => signal.TrySetResult());
    }

    /// <summary>How many redemptions have a request waiting (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_waiting)
            {
                return _waiting.Count;
            }
        }
    }

    private void Unregister(Guid redemptionId, TaskCompletionSource signal)
    {
        lock (_waiting)
        {
            if (_waiting.TryGetValue(redemptionId, out var list) && list.Remove(signal) && list.Count == 0)
            {
                _waiting.Remove(redemptionId);
            }
        }
    }

    public sealed class Waiter(RedemptionWaiters owner, Guid redemptionId, TaskCompletionSource signal) : IDisposable
    {
        /// <summary>Completes when the outcome was published by this process.</summary>
        public Task Finished => signal.Task;

        public void Dispose() => owner.Unregister(redemptionId, signal);
    }
}
