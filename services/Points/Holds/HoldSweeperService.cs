using Microsoft.Extensions.Options;

namespace Changxing.Points.Holds;

/// <summary>Runs the hold sweeper every <see cref="PointsOptions.HoldSweepInterval"/>.</summary>
public sealed partial class HoldSweeperService(HoldSweeper sweeper, TimeProvider clock, IOptions<PointsOptions> options, ILogger<HoldSweeperService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HoldSweepInterval, clock);
        do
        {
            try
            {
                var released = await sweeper.RunOnceAsync(stoppingToken);
                if (released > 0)
                {
                    LogSwept(logger, released);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Released {Count} overdue holds")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hold sweep failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
