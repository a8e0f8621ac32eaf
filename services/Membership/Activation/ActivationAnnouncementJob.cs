using Changxing.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace Changxing.Membership.Activation;

/// <summary>Republishes <c>MemberActivated</c> for activations saved but not announced (a crash between save and publish).</summary>
public sealed class ActivationAnnouncementJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<MembershipOptions> options, ILogger<ActivationAnnouncementJob> logger) : PeriodicJob(clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ActivationAnnouncer>().AnnounceOutstandingAsync(cancellationToken);
    }
}
