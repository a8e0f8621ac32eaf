using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.Points.Data;
using Changxing.Points.Expiry;
using Changxing.Points.Ledger;
using Changxing.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Points.Tests;

/// <summary>Lots growing old: the expiring-soon freeze, the daily expiry job, and what that means for holds.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class LotLifecycleSpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    private LotExpiry Job => factory.Services.GetRequiredService<LotExpiry>();

    [Fact]
    public async Task Should_freeze_a_lot_in_its_last_30_days_and_expire_it_after_12_months_telling_the_member_once_each()
    {
        var member = await factory.ActivateMemberAsync();
        var lot = await factory.CreditAsync(member, 10_000);
        var expiresOn = factory.Today.AddMonths(12);

        factory.AdvanceTo(expiresOn.AddDays(-31));
        Assert.Equal(10_000, (await factory.BalanceAsync(member))!.Available);

        factory.AdvanceTo(expiresOn.AddDays(-30));
        await Job.RunOnceAsync(CancellationToken.None);
        await Job.RunOnceAsync(CancellationToken.None);
        var soon = await factory.BalanceAsync(member);
        Assert.Equal((0, new FrozenPoints(10_000, 10_000, 0)), (soon!.Available, soon.Frozen));
        Assert.Equal(10_000, Assert.Single(factory.Harness.Published.Select<PointsExpiringSoon>(x => x.Context.Message.LotId == lot)).Context.Message.Points);

        factory.AdvanceTo(expiresOn);
        var beforeTheJob = await factory.BalanceAsync(member);
        Assert.Equal(new FrozenPoints(10_000, 0, 10_000), beforeTheJob!.Frozen);
        await Job.RunOnceAsync(CancellationToken.None);
        await Job.RunOnceAsync(CancellationToken.None);

        var expired = Assert.Single(factory.Harness.Published.Select<PointsExpired>(x => x.Context.Message.LotId == lot)).Context.Message;
        Assert.Equal((10_000L, expiresOn), (expired.Points, expired.ExpiredOn));
        var after = await factory.BalanceAsync(member);
        Assert.Equal((0, 0, 10_000, 10_000), (after!.Available, after.Frozen.Total, after.Expired, after.LifetimeCredited));
        Assert.True(after.RedemptionUnlocked); // stays unlocked once reached
        var statement = await factory.CreateClientFor(member).GetFromJsonAsync<StatementPage>("/api/points/me/statement");
        Assert.Equal("Expired", statement!.Items[0].Kind);
    }

    [Fact]
    public async Task Should_never_spend_frozen_points_and_say_how_many_are_frozen()
    {
        var member = await factory.ActivateMemberAsync();
        var old = await factory.CreditAsync(member, 10_000);
        factory.AdvanceTo(factory.Today.AddMonths(12).AddDays(-10));
        var fresh = await factory.CreditAsync(member, 3_000);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var freshest = await factory.CreditAsync(member, 2_000);

        var rejected = Assert.IsType<PointsReservationRejected>(await factory.ReserveAsync(member, 6_000));
        Assert.Equal(ReasonCodes.InsufficientAvailablePoints, rejected.Reason);
        Assert.Equal((6_000, 5_000, 10_000, 1_000), (rejected.Required, rejected.Available, rejected.Frozen, rejected.Shortfall));

        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 4_000));
        var held = await factory.InScopeAsync<PointsDbContext, Dictionary<Guid, long>>(db =>
            db.Lots.Where(l => l.MemberId == member).ToDictionaryAsync(l => l.LotId, l => l.Held));
        Assert.Equal((0, 3_000, 1_000), (held[old], held[fresh], held[freshest]));
    }

    [Fact]
    public async Task Should_keep_points_expired_when_their_lot_expired_while_they_were_held()
    {
        var member = await factory.ActivateMemberAsync();
        var lot = await factory.CreditAsync(member, 10_000);
        var redemption = Guid.NewGuid();
        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 4_000, redemption));

        factory.AdvanceTo(factory.Today.AddMonths(12));
        await Job.RunOnceAsync(CancellationToken.None);
        var released = await factory.ReleaseAsync(member, redemption, "late");
        await Job.RunOnceAsync(CancellationToken.None);
        await Job.RunOnceAsync(CancellationToken.None);

        Assert.Equal(4_000, released.Points);
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((0, 0, 0, 10_000), (balance!.Available, balance.Frozen.Total, balance.Held, balance.Expired));
        Assert.Equal([6_000L, 4_000L], ExpiredReports(lot).Select(e => e.Points)); // every expired point told once
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_report_the_points_of_a_lot_held_in_full_on_its_expiry_day_once_they_are_given_back(bool captured)
    {
        var member = await factory.ActivateMemberAsync();
        var lot = await factory.CreditAsync(member, 10_000);
        var expiresOn = factory.Today.AddMonths(12);
        var redemption = Guid.NewGuid();
        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 10_000, redemption));
        if (captured)
        {
            Assert.IsType<PointsCaptured>(await factory.CaptureAsync(member, redemption));
        }

        factory.AdvanceTo(expiresOn);
        await Job.RunOnceAsync(CancellationToken.None);
        Assert.Empty(ExpiredReports(lot)); // nothing expired yet: every point is held or captured

        await factory.ReleaseAsync(member, redemption, "StepTimedOut");
        await Job.RunOnceAsync(CancellationToken.None);
        await Job.RunOnceAsync(CancellationToken.None);

        var expired = Assert.Single(ExpiredReports(lot));
        Assert.Equal((10_000L, expiresOn), (expired.Points, expired.ExpiredOn));
        Assert.Equal(10_000, (await factory.BalanceAsync(member))!.Expired);
        var statement = await factory.CreateClientFor(member).GetFromJsonAsync<StatementPage>("/api/points/me/statement?pageSize=2");
        Assert.Equal([("Expired", 10_000L, (Guid?)lot), (captured ? "CaptureReversed" : "Released", 10_000L, null)],
            statement!.Items.Select(i => (i.Kind, i.Points, i.LotId)));
    }

    [Fact]
    public async Task Should_tell_a_member_late_that_points_expire_soon_after_a_pause_of_the_job_but_not_once_they_expired()
    {
        var older = await factory.ActivateMemberAsync();
        var expiredLot = await factory.CreditAsync(older, 1_000);
        var expiresOn = factory.Today.AddMonths(12);
        factory.Clock.Advance(TimeSpan.FromDays(10));
        var younger = await factory.ActivateMemberAsync();
        var soonLot = await factory.CreditAsync(younger, 2_000);
        var soonExpiresOn = factory.Today.AddMonths(12); // 12 months from its own credit day, not the first lot's expiry + 10 days (not the same across a leap day)

        // The job does not run from 30 days before the first lot's expiry until its expiry day.
        factory.AdvanceTo(expiresOn);
        await Job.RunOnceAsync(CancellationToken.None);

        var soon = Assert.Single(factory.Harness.Published.Select<PointsExpiringSoon>(x => x.Context.Message.LotId == soonLot)).Context.Message;
        Assert.Equal((2_000L, soonExpiresOn), (soon.Points, soon.ExpiresOn));
        Assert.Empty(factory.Harness.Published.Select<PointsExpiringSoon>(x => x.Context.Message.LotId == expiredLot));
        Assert.Equal(1_000, Assert.Single(ExpiredReports(expiredLot)).Points);
    }

    private List<PointsExpired> ExpiredReports(Guid lot) =>
        factory.Harness.Published.Select<PointsExpired>(x => x.Context.Message.LotId == lot).Select(x => x.Context.Message).ToList();

    [Fact]
    public async Task Should_keep_points_expired_when_a_capture_is_reversed_after_their_lot_expired()
    {
        var member = await factory.ActivateMemberAsync();
        await factory.CreditAsync(member, 10_000);
        var redemption = Guid.NewGuid();
        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 4_000, redemption));
        Assert.IsType<PointsCaptured>(await factory.CaptureAsync(member, redemption));

        factory.AdvanceTo(factory.Today.AddMonths(12));
        await Job.RunOnceAsync(CancellationToken.None);
        var released = await factory.ReleaseAsync(member, redemption, "StepTimedOut");

        Assert.Equal(4_000, released.Points);
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((0, 0, 0, 10_000), (balance!.Available, balance.Frozen.Total, balance.Captured, balance.Expired));
    }

    [Fact]
    public async Task Should_stay_unlocked_after_the_points_that_unlocked_it_expire()
    {
        var member = await factory.ActivateMemberAsync();
        await factory.CreditAsync(member, 10_000);
        factory.AdvanceTo(factory.Today.AddMonths(12));
        await Job.RunOnceAsync(CancellationToken.None);
        await factory.CreditAsync(member, 500);

        var rejected = Assert.IsType<PointsReservationRejected>(await factory.ReserveAsync(member, 1_000));
        Assert.Equal(ReasonCodes.InsufficientAvailablePoints, rejected.Reason);
        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 500));
    }
}
