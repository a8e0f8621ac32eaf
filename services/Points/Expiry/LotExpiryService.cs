using Microsoft.Extensions.Options;

namespace Changxing.Points.Expiry;

/// <summary>Runs the expiry job at start-up and every <see cref="PointsOptions.ExpiryJobInterval"/>; the job is idempotent, so hourly runs catch the day change.</summary>
public sealed partial class LotExpiryService(LotExpiryJob job, TimeProvider clock, IOptions<PointsOptions> options, ILogger<LotExpiryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpiryJobInterval, clock);
        do
        {
            try
            {
                var report = await job.RunOnceAsync(stoppingToken);
                if (report.ExpiredReported + report.ExpiringSoonReported > 0)
                {
                    LogReported(logger, report.ExpiringSoonReported, report.ExpiredReported);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry job: {Soon} lots expiring soon, {Expired} lots expired")]
    private static partial void LogReported(ILogger logger, int soon, int expired);

    [LoggerMessage(Level = LogLevel.Error, Message = "Expiry job failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
