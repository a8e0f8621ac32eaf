using Changxing.Messaging.Data;
using Microsoft.Extensions.Options;

namespace Changxing.Points.Expiry;

/// <summary>Runs the lot expiry at start-up and every <see cref="PointsOptions.ExpiryJobInterval"/>; it is idempotent, so hourly runs catch the day change.</summary>
public sealed partial class LotExpiryJob(LotExpiry expiry, DatabaseSettings database, TimeProvider clock, IOptions<PointsOptions> options, ILogger<LotExpiryJob> logger)
    : ExclusivePeriodicJob(database, clock, logger)
{
    protected override TimeSpan Interval => options.Value.ExpiryJobInterval;

    protected override async Task<int> RunExclusiveAsync(CancellationToken cancellationToken)
    {
        var report = await expiry.RunOnceAsync(cancellationToken);
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
