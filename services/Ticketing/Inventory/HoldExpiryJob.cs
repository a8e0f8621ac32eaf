using Changxing.Messaging.Data;
using Changxing.Ticketing.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Changxing.Ticketing.Inventory;

/// <summary>Frees seats and "兑" quota of holds whose time ran out (<see cref="TicketingOptions.HoldDuration"/>).</summary>
public sealed partial class HoldExpiryJob(
    IServiceScopeFactory scopes,
    DatabaseSettings database,
    TimeProvider clock,
    IOptions<TicketingOptions> options,
    ILogger<HoldExpiryJob> logger) : ExclusivePeriodicJob(database, clock, logger)
{
    public const int BatchSize = 500;

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override bool RunsAtStart => false;

    /// <summary>One sweep: every due hold, run by run under each run's lock. Returns how many expired.</summary>
    protected override async Task<int> RunExclusiveAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        var inventory = scope.ServiceProvider.GetRequiredService<SeatInventory>();
        var locks = scope.ServiceProvider.GetRequiredService<RunLocks>();
        var now = Clock.GetUtcNow();
        var runs = await db.SeatHolds.AsNoTracking()
            .Where(h => h.Status == HoldStatus.Held && h.ExpiresAt <= now)
            .Select(h => h.RunId)
            .Distinct()
            .OrderBy(runId => runId)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);

        var expired = 0;
        foreach (var runId in runs)
        {
            expired += await locks.ExecuteAsync(runId, run => inventory.ExpireDueAsync(run, cancellationToken), cancellationToken);
        }

        if (expired > 0)
        {
            LogExpired(Logger, expired);
        }

        return expired;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} seat holds")]
    private static partial void LogExpired(ILogger logger, int count);
}
