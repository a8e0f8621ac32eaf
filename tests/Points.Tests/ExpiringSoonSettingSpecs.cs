using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.Points.Expiry;
using Changxing.Points.Ledger;
using Changxing.TestSupport;

namespace Changxing.Points.Tests;

/// <summary>
/// The expiring-soon window is a policy setting read from configuration: its length (<c>Points:ExpiringSoonDays</c>)
/// and whether it freezes points (<c>Points:FreezeExpiringSoon</c>, default true as the article says).
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class ExpiringSoonSettingSpecs(ExpiringSoonSettingSpecs.UnfrozenFactory unfrozen, ExpiringSoonSettingSpecs.TenDayWindowFactory tenDays)
    : IClassFixture<ExpiringSoonSettingSpecs.UnfrozenFactory>, IClassFixture<ExpiringSoonSettingSpecs.TenDayWindowFactory>
{
    [Fact]
    public async Task Should_let_expiring_soon_points_pay_when_the_setting_does_not_freeze_them()
    {
        var member = await unfrozen.ActivateMemberAsync();
        await unfrozen.CreditAsync(member, 10_000);
        unfrozen.AdvanceTo(unfrozen.Today.AddMonths(12).AddDays(-20)); // 20 days into the default 30-day window

        var balance = await unfrozen.BalanceAsync(member);
        var reserved = await unfrozen.ReserveAsync(member, 10_000);

        Assert.Equal((10_000, 0), (balance!.Available, balance.Frozen.Total));
        Assert.Equal(10_000, Assert.IsType<PointsReserved>(reserved).Points);
    }

    [Fact]
    public async Task Should_start_the_expiring_soon_window_as_many_days_before_expiry_as_configured()
    {
        var member = await tenDays.ActivateMemberAsync();
        var lot = await tenDays.CreditAsync(member, 10_000);
        var expiresOn = tenDays.Today.AddMonths(12);
        var job = tenDays.Services.GetRequiredService<LotExpiry>();

        tenDays.AdvanceTo(expiresOn.AddDays(-11));
        await job.RunOnceAsync(CancellationToken.None);
        Assert.Equal(10_000, (await tenDays.BalanceAsync(member))!.Available);
        Assert.Empty(tenDays.Harness.Published.Select<PointsExpiringSoon>(x => x.Context.Message.LotId == lot));

        tenDays.AdvanceTo(expiresOn.AddDays(-10));
        await job.RunOnceAsync(CancellationToken.None);

        var frozen = await tenDays.BalanceAsync(member);
        Assert.Equal((0, new FrozenPoints(10_000, 10_000, 0)), (frozen!.Available, frozen.Frozen));
        Assert.Single(tenDays.Harness.Published.Select<PointsExpiringSoon>(x => x.Context.Message.LotId == lot));
        var rejected = Assert.IsType<PointsReservationRejected>(await tenDays.ReserveAsync(member, 1_000));
        Assert.Equal((ReasonCodes.InsufficientAvailablePoints, 10_000L), (rejected.Reason, rejected.Frozen));
    }

    public sealed class UnfrozenFactory : PointsApiFactory
    {
        protected override IReadOnlyDictionary<string, string> PointsSettings { get; } =
            new Dictionary<string, string> { [nameof(PointsOptions.FreezeExpiringSoon)] = "false" };
    }

    public sealed class TenDayWindowFactory : PointsApiFactory
    {
        protected override IReadOnlyDictionary<string, string> PointsSettings { get; } =
            new Dictionary<string, string> { [nameof(PointsOptions.ExpiringSoonDays)] = "10" };
    }
}
