using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// What an operator needs to see of the outbox, on <c>/health/ready</c>: how many messages wait for the broker and how
/// old the oldest is. Degraded (still ready) when the oldest has waited longer than
/// <see cref="OutboxOptions.PendingAgeWarning"/>: the broker is unreachable, or no instance delivers. Ages are on the
/// machine's UTC clock, the one MassTransit stamps <see cref="OutboxMessage.SentTime"/> with, not the service's business
/// clock (which a development clock may move days ahead).
/// </summary>
public sealed class OutboxBacklogCheck<TDbContext>(TDbContext db, IOptions<OutboxOptions> options) : IHealthCheck
    where TDbContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Delivered == null);
        var count = await pending.CountAsync(cancellationToken);
        var oldest = count == 0 ? (DateTime?)null : await pending.MinAsync(m => (DateTime?)m.SentTime, cancellationToken);
        var age = oldest is { } sent ? DateTime.UtcNow - DateTime.SpecifyKind(sent, DateTimeKind.Utc) : TimeSpan.Zero;
        var data = new Dictionary<string, object>
        {
            ["pending"] = count,
            ["oldestPendingSeconds"] = Math.Round(Math.Max(0, age.TotalSeconds), 1),
        };

        return age > options.Value.PendingAgeWarning
            ? HealthCheckResult.Degraded($"{count} outbox messages wait for the broker; the oldest for {age.TotalSeconds:0} s.", data: data)
            : HealthCheckResult.Healthy($"{count} outbox messages pending.", data);
    }
}
