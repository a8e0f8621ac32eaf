using Changxing.Contracts.Membership;
using Changxing.Membership.Data;
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
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<MembershipOptions> options, ILogger<BeneficiaryEffectiveJob> logger) : BackgroundService
{
    // One run at a time in this process: the timer and a caller (tests, an operator) must not publish the same event twice.
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await RunAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    private async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var today = clock.Today();
        var due = await db.Beneficiaries
            .Where(b => b.Review == BeneficiaryReview.Verified && b.RemovedAt == null && b.EffectiveAnnouncedAt == null && b.EffectiveOn <= today)
            .OrderBy(b => b.EffectiveOn)
            .Take(1000)
            .ToListAsync(cancellationToken);
        foreach (var beneficiary in due)
        {
            // Publish, then mark: a crash in between republishes at the next run (at least once); the inbox is idempotent.
            await publisher.Publish(new BeneficiaryBecameEffective(beneficiary.MemberId, beneficiary.Id, beneficiary.Name, beneficiary.EffectiveOn), cancellationToken);
            beneficiary.MarkEffectiveAnnounced(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }

        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                var published = await RunOnceAsync(stoppingToken);
                if (published > 0)
                {
                    LogPublished(logger, published);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} beneficiaries became effective")]
    private static partial void LogPublished(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The beneficiary-effective sweep failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
