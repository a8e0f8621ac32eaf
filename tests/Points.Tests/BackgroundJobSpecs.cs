using Changxing.Contracts.Points;
using Changxing.TestSupport;

namespace Changxing.Points.Tests;

/// <summary>
/// With <c>Points:RunBackgroundJobs</c> on (as deployed), the sweeper and the expiry job run by themselves on the
/// clock's ticks: nothing here calls RunOnceAsync. The jobs' timers run on the injected clock, so moving the fake clock
/// past an interval makes them tick.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class BackgroundJobSpecs(BackgroundJobSpecs.JobsOnFactory factory) : IClassFixture<BackgroundJobSpecs.JobsOnFactory>
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ExpiryInterval = TimeSpan.FromHours(6);

    [Fact]
    public async Task Should_sweep_a_forgotten_hold_by_itself_once_the_clock_passes_the_timeout_and_a_sweep_interval()
    {
        var member = await factory.ActivateMemberAsync();
        await factory.CreditAsync(member, 10_000);
        var redemption = Guid.NewGuid();
        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 3_000, redemption));

        factory.Clock.Advance(new PointsOptions().HoldTimeout);
        var expired = await TickUntilPublishedAsync<PointsHoldExpired>(SweepInterval, m => m.RedemptionId == redemption);

        Assert.Equal(3_000, expired.Points);
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((10_000, 0), (balance!.Available, balance.Held));
    }

    [Fact]
    public async Task Should_expire_a_lot_by_itself_once_the_clock_passes_its_expiry_day_and_a_job_interval()
    {
        var member = await factory.ActivateMemberAsync();
        var lot = await factory.CreditAsync(member, 1_000);
        var expiresOn = factory.Today.AddMonths(12);

        factory.AdvanceTo(expiresOn);
        var expired = await TickUntilPublishedAsync<PointsExpired>(ExpiryInterval, m => m.LotId == lot);

        Assert.Equal((1_000L, expiresOn), (expired.Points, expired.ExpiredOn));
        Assert.Equal(1_000, (await factory.BalanceAsync(member))!.Expired);
    }

    /// <summary>
    /// Moves the clock on by one interval per poll until the job published: the hosted job creates its timer when the
    /// host has started it, which may be just after the test moved the clock, so one move alone could come too early.
    /// </summary>
    private async Task<T> TickUntilPublishedAsync<T>(TimeSpan interval, Func<T, bool> match)
        where T : class
    {
        List<T> Published() => factory.Harness.Published.Select<T>(x => match(x.Context.Message)).Select(x => x.Context.Message).ToList();
        var found = await Eventually.Until(() =>
        {
            factory.Clock.Advance(interval);
            return Task.FromResult(Published());
        }, list => list.Count > 0, TimeSpan.FromSeconds(30), $"a {typeof(T).Name} from the background job");
        return Assert.Single(found);
    }

    public sealed class JobsOnFactory : PointsApiFactory
    {
        protected override IReadOnlyDictionary<string, string> PointsSettings { get; } = new Dictionary<string, string>
        {
            [nameof(PointsOptions.RunBackgroundJobs)] = "true",
            [nameof(PointsOptions.HoldSweepInterval)] = SweepInterval.ToString(),
            [nameof(PointsOptions.ExpiryJobInterval)] = ExpiryInterval.ToString(),
        };
    }
}
