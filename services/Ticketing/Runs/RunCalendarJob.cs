using Changxing.Messaging.Data;
using Changxing.ServiceDefaults.Hosting;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Search;
using Changxing.Ticketing.Seed;
using Microsoft.Extensions.Options;

namespace Changxing.Ticketing.Runs;

/// <summary>
/// At start-up (before the service answers, after the migrator): seed reference data, schedule runs and load the
/// search read model. Then, every <see cref="TicketingOptions.CalendarInterval"/>, schedule the days that came into
/// range as time passed and reload the read model. With several instances, one seeds and schedules at a time
/// (<see cref="ExclusiveJobLock"/>, waited for: every instance needs the runs before it loads its read model), so two
/// instances starting together never insert the same run twice; each loads its own read model.
/// </summary>
public sealed partial class RunCalendarJob(
    IServiceScopeFactory scopes,
    SearchReadModel readModel,
    DatabaseSettings database,
    TimeProvider clock,
    IOptions<TicketingOptions> options,
    ILogger<RunCalendarJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.CalendarInterval;

    // StartAsync has just run it, before the service answers.
    protected override bool RunsAtStart => false;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (await ExclusiveJobLock.WaitAsync(database, nameof(ReferenceDataSeeder), cancellationToken))
        await using (var scope = scopes.CreateAsyncScope())
        {
            if (options.Value.SeedReferenceData)
            {
                var seeded = await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(cancellationToken);
                LogSeeded(Logger, seeded);
            }
        }

        await RunOnceAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        int added;
        await using (await ExclusiveJobLock.WaitAsync(database, nameof(RunCalendar), cancellationToken))
        {
            added = await scope.ServiceProvider.GetRequiredService<RunCalendar>().EnsureRunsAsync(cancellationToken);
        }

        await readModel.ReloadAsync(db, cancellationToken);
        LogScheduled(Logger, added);
        return added;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} reference stations and trains")]
    private static partial void LogSeeded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Count} new runs; search read model loaded")]
    private static partial void LogScheduled(ILogger logger, int count);
}
