using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// Every <see cref="OutboxOptions.CleanupInterval"/>, on one instance at a time: removes messages delivered longer
/// than <see cref="OutboxOptions.DeliveredRetention"/> ago and inbox entries older than
/// <see cref="OutboxOptions.DuplicateDetectionWindow"/>. Pending messages are never removed. The cut-offs are on the
/// machine's UTC clock, the one the rows are stamped with, not the service's business clock (a development clock days
/// ahead would otherwise forget every inbox entry at once).
/// </summary>
public sealed class OutboxHousekeepingJob<TDbContext>(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    DatabaseSettings database,
    TimeProvider clock,
    ILogger<OutboxHousekeepingJob<TDbContext>> logger) : ExclusivePeriodicJob(database, clock, logger)
    where TDbContext : DbContext
{
    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override async Task<int> RunExclusiveAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var deliveredBefore = now - options.Value.DeliveredRetention;
        var receivedBefore = now - options.Value.DuplicateDetectionWindow;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var turn = await SqliteFileWriterGate.EnterAsync(db, ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var removed = await db.Set<OutboxMessage>().Where(m => m.Delivered != null && m.Delivered < deliveredBefore).ExecuteDeleteAsync(ct)
                + await db.Set<InboxState>().Where(i => i.Received < receivedBefore).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
            return removed;
        }, cancellationToken);
    }
}
