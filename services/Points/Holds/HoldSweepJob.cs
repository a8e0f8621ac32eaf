using Changxing.Messaging.Data;
using Microsoft.Extensions.Options;

namespace Changxing.Points.Holds;

/// <summary>Runs the hold sweeper every <see cref="PointsOptions.HoldSweepInterval"/>.</summary>
public sealed partial class HoldSweepJob(HoldSweeper sweeper, DatabaseSettings database, TimeProvider clock, IOptions<PointsOptions> options, ILogger<HoldSweepJob> logger)
    : ExclusivePeriodicJob(database, clock, logger)
{
    protected override TimeSpan Interval => options.Value.HoldSweepInterval;

    protected override async Task<int> RunExclusiveAsync(CancellationToken cancellationToken)
    {
        var released = await sweeper.RunOnceAsync(cancellationToken);
        if (released > 0)
        {
            LogSwept(Logger, released);
        }

        return released;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released {Count} overdue holds")]
    private static partial void LogSwept(ILogger logger, int count);
}
