using Changxing.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace Changxing.Points.Expiry;

/// <summary>Runs the expiry job at start-up and every <see cref="PointsOptions.ExpiryJobInterval"/>; the job is idempotent, so hourly runs catch the day change.</summary>
public sealed partial class LotExpiryService(LotExpiryJob job, TimeProvider clock, IOptions<PointsOptions> options, ILogger<LotExpiryService> logger)
    : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.ExpiryJobInterval;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var report = await job.RunOnceAsync(cancellationToken);
        var reported = report.ExpiredReported + report.ExpiringSoonReported;
        if (reported > 0)
        {
            LogReported(Logger, report.ExpiringSoonReported, report.ExpiredReported);
        }

        return reported;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry job: {Soon} lots expiring soon, {Expired} lots expired")]
    private static partial void LogReported(ILogger logger, int soon, int expired);
}
