namespace Changxing.Ticketing.Redemptions;

/// <summary>
/// Requests of this process that wait for a redemption to finish (<c>Prefer: wait</c>), woken when this process
/// publishes the redemption's outcome (<see cref="RedemptionOutcomeObserver"/>). A redemption finished by another
/// instance wakes no one here; the waiting request reads the row again at <see cref="RedemptionWait.RecheckInterval"/>.
/// </summary>
public sealed class RedemptionWaiters
{
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
