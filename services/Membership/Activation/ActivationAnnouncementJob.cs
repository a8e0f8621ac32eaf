using Changxing.Messaging.Data;
using Microsoft.Extensions.Options;

namespace Changxing.Membership.Activation;

/// <summary>Republishes <c>MemberActivated</c> for activations saved but not announced (a crash between save and publish).</summary>
public sealed class ActivationAnnouncementJob(
    IServiceScopeFactory scopes, DatabaseSettings database, TimeProvider clock, IOptions<MembershipOptions> options, ILogger<ActivationAnnouncementJob> logger) : ExclusivePeriodicJob(database, clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task<int> RunExclusiveAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ActivationAnnouncer>().AnnounceOutstandingAsync(cancellationToken);
    }
}
