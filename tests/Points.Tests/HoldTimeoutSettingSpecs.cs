using Changxing.Contracts.Points;
using Changxing.Points.Holds;
using Changxing.TestSupport;

namespace Changxing.Points.Tests;

/// <summary>The sweeper's deadline is the <c>Points:HoldTimeout</c> setting, not a fixed two hours.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class HoldTimeoutSettingSpecs(HoldTimeoutSettingSpecs.HalfHourFactory factory) : IClassFixture<HoldTimeoutSettingSpecs.HalfHourFactory>
{
    [Fact]
    public async Task Should_release_a_forgotten_hold_after_the_configured_timeout()
    {
        var member = await factory.ActivateMemberAsync();
        await factory.CreditAsync(member, 10_000);
        var redemption = Guid.NewGuid();
        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 2_000, redemption));
        var sweeper = factory.Services.GetRequiredService<HoldSweeper>();

        factory.Clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        await sweeper.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2_000, (await factory.BalanceAsync(member))!.Held);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await sweeper.RunOnceAsync(CancellationToken.None);

        var expired = Assert.Single(await factory.PublishedAsync<PointsHoldExpired>(m => m.RedemptionId == redemption));
        Assert.Equal((2_000L, factory.Clock.GetUtcNow()), (expired.Points, expired.ReleasedAt));
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((10_000, 0), (balance!.Available, balance.Held));
    }

    public sealed class HalfHourFactory : PointsApiFactory
    {
        protected override IReadOnlyDictionary<string, string> PointsSettings { get; } =
            new Dictionary<string, string> { [nameof(PointsOptions.HoldTimeout)] = "00:30:00" };
    }
}
