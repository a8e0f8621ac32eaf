using Changxing.Contracts.Membership;
using Changxing.Membership.Data;
using Changxing.Messaging.Data;
using Changxing.ServiceDefaults.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Changxing.Membership.Beneficiaries;

/// <summary>
/// Publishes <see cref="BeneficiaryBecameEffective"/> once per verified beneficiary whose 60 days are over.
/// Runs at start-up and then every <see cref="MembershipOptions.SweepInterval"/>; the effective date itself is
/// computed, so a late run delays only the announcement, never the right to travel.
/// </summary>
public sealed partial class BeneficiaryEffectiveJob(
    IServiceScopeFactory scopes, DatabaseSettings database, TimeProvider clock, IOptions<MembershipOptions> options, ILogger<BeneficiaryEffectiveJob> logger) : ExclusivePeriodicJob(database, clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task<int> RunExclusiveAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var today = Clock.Today();
        var due = await db.Beneficiaries
            .Where(b => b.Review == BeneficiaryReview.Verified && b.RemovedAt == null && b.EffectiveAnnouncedAt == null && b.EffectiveOn <= today)
            .OrderBy(b => b.EffectiveOn)
            .Take(1000)
            .ToListAsync(cancellationToken);
        foreach (var beneficiary in due)
        {
            // Publish, then mark: a crash in between republishes at the next run (at least once); the inbox is idempotent.
            await publisher.Publish(new BeneficiaryBecameEffective(beneficiary.MemberId, beneficiary.Id, beneficiary.Name, beneficiary.EffectiveOn), cancellationToken);
            beneficiary.MarkEffectiveAnnounced(Clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        if (due.Count > 0)
        {
            LogPublished(Logger, due.Count);
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} beneficiaries became effective")]
    private static partial void LogPublished(ILogger logger, int count);
}
