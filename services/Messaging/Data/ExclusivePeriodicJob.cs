using Changxing.ServiceDefaults.Hosting;
using Microsoft.Extensions.Logging;

namespace Changxing.Messaging.Data;

/// <summary>
/// A <see cref="PeriodicJob"/> that one instance of the service runs at a time (<see cref="ExclusiveJobLock"/>, named by
/// the job's type): when another instance is running it, this tick does nothing and leaves the work to that run.
/// </summary>
public abstract class ExclusivePeriodicJob(DatabaseSettings database, TimeProvider clock, ILogger logger) : PeriodicJob(clock, logger)
{
    protected sealed override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var held = await ExclusiveJobLock.TryTakeAsync(database, GetType().FullName!, cancellationToken);
        return held is null ? 0 : await RunExclusiveAsync(cancellationToken);
    }

    /// <summary>One run, while no other instance runs this job; returns how many things it did.</summary>
    protected abstract Task<int> RunExclusiveAsync(CancellationToken cancellationToken);
}
