using Changxing.Messaging.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// Replaces a message scheduler (MassTransit.Quartz and the delayed-exchange plugin are not available here): finds
/// saga instances whose step is overdue and sends each a <see cref="StepDeadlineExpired{TSaga}"/>. The deadline is
/// in the saga's row, so it survives restarts. Per overdue step, the event is published and the row's
/// <c>DeadlineAt</c> moved <see cref="StepDeadlineOptions.ResignalAfter"/> ahead in one transaction under the row
/// lock: a second sweeper finds nothing to send, and the saga, handling the event, sets its next deadline or clears
/// it. If the event never reaches the saga (it exhausted its retries during a database outage and lies in an
/// <c>_error</c> queue), the step is signalled again once that time has passed, instead of waiting for ever. If the
/// process dies between the publish and the commit, the next sweep sends it again. Either way the saga ignores a
/// duplicate because its step and attempt no longer match.
/// </summary>
public sealed partial class StepDeadlineJob<TSaga, TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    TimeProvider clock,
    IOptions<StepDeadlineOptions> options,
    EntityFrameworkSagaRepositoryOptions<TSaga> repositoryOptions,
    ILogger<StepDeadlineJob<TSaga, TDbContext>> logger) : BackgroundService
    where TSaga : class, IStepDeadlineSaga
    where TDbContext : DbContext
{
    /// <summary>One sweep at the current time: returns how many deadline events were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var batchSize = Math.Max(1, options.Value.BatchSize);
        var sent = 0;
        var after = DateTimeOffset.MinValue;
        while (true)
        {
            var due = await FindDueAsync(now, after, batchSize, cancellationToken);
            var sentInBatch = 0;
            foreach (var (id, _) in due)
            {
                if (await SignalAsync(id, now, cancellationToken))
                {
                    sentInBatch++;
                }
            }

            sent += sentInBatch;
            if (due.Count < batchSize || sentInBatch == 0)
            {
                return sent;
            }

            after = due[^1].DueAt;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await RunOnceAsync(stoppingToken);
                if (sent > 0)
                {
                    LogSent(logger, sent, typeof(TSaga).Name);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e, typeof(TSaga).Name);
            }

            try
            {
                await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<List<(Guid Id, DateTimeOffset DueAt)>> FindDueAsync(DateTimeOffset now, DateTimeOffset after, int batchSize, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var rows = await db.Set<TSaga>()
            .AsNoTracking()
            .Where(x => x.DeadlineAt != null && x.DeadlineAt <= now && x.DeadlineAt >= after)
            .OrderBy(x => x.DeadlineAt)
            .Select(x => new { x.CorrelationId, x.DeadlineAt })
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(x => (x.CorrelationId, x.DeadlineAt!.Value));
    }

    private async Task<bool> SignalAsync(Guid correlationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var signalled = false;
        await SagaTransaction.RunAsync(db, repositoryOptions.IsolationLevel, async () =>
        {
            // Checked again under the lock: the saga may have moved on, or another sweeper got here first.
            var saga = await RowLockStatement.LoadLockedAsync<TSaga>(db, nameof(ISaga.CorrelationId), correlationId, cancellationToken);
            if (saga is not { DeadlineAt: { } dueAt, DeadlineStep: { } step } || dueAt > now)
            {
                return;
            }

            await bus.Publish(new StepDeadlineExpired<TSaga>(correlationId, step, saga.DeadlineAttempt, dueAt), cancellationToken);
            saga.DeadlineAt = now + options.Value.ResignalAfter;
            await db.SaveChangesAsync(cancellationToken);
            signalled = true;
        }, cancellationToken);
        return signalled;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} step deadline events to {Saga}")]
    private static partial void LogSent(ILogger logger, int count, string saga);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Step deadline sweep for {Saga} failed; retrying at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string saga);
}
