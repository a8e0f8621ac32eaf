using Microsoft.Extensions.Options;

namespace Changxing.Membership.Activation;

/// <summary>Republishes <c>MemberActivated</c> for activations saved but not announced (a crash between save and publish).</summary>
public sealed partial class ActivationAnnouncementJob(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<MembershipOptions> options, ILogger<ActivationAnnouncementJob> logger) : BackgroundService
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
        return await scope.ServiceProvider.GetRequiredService<ActivationAnnouncer>().AnnounceOutstandingAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The activation announcement sweep failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
