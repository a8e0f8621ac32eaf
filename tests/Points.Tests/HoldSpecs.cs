using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.Points.Data;
using Changxing.Points.Holds;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Points.Tests;

/// <summary>Reserve, capture and release as the redemption saga sends them, consumed in the test harness.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class HoldSpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    private ITestHarness Harness => factory.Harness;

    private async Task<Guid> UnlockedMemberAsync(long points = 10_000)
    {
        var member = await factory.ActivateMemberAsync();
        await factory.CreditAsync(member, points);
        return member;
    }

    private async Task<T> OutcomeAsync<T>(Guid redemptionId, int count = 1)
        where T : class
    {
        return (await factory.PublishedAsync<T>(m => RedemptionOf(m) == redemptionId, count))[^1];
    }

    private List<T> Published<T>(Guid redemptionId)
        where T : class =>
        Harness.Published.Select<T>(x => x.Context.Message is { } m && RedemptionOf(m) == redemptionId).Select(x => x.Context.Message).ToList();

    /// <summary>Lots of 6,000, 5,000 and 3,000 points credited a day apart, oldest first.</summary>
    private async Task<(Guid Member, Guid Oldest, Guid Middle, Guid Newest)> MemberWithThreeLotsAsync()
    {
        var member = await factory.ActivateMemberAsync();
        var oldest = await factory.CreditAsync(member, 6_000);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        var middle = await factory.CreditAsync(member, 5_000);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        return (member, oldest, middle, await factory.CreditAsync(member, 3_000));
    }

    private Task<Dictionary<Guid, (long Remaining, long Held)>> LotsAsync(Guid member) =>
        factory.InScopeAsync<PointsDbContext, Dictionary<Guid, (long Remaining, long Held)>>(db =>
            db.Lots.Where(l => l.MemberId == member).ToDictionaryAsync(l => l.LotId, l => (l.Remaining, l.Held)));

    private static Guid RedemptionOf(object message) => message switch
    {
        PointsReserved m => m.RedemptionId,
        PointsReservationRejected m => m.RedemptionId,
        PointsCaptured m => m.RedemptionId,
        PointsCaptureRejected m => m.RedemptionId,
        PointsReleased m => m.RedemptionId,
        PointsHoldExpired m => m.RedemptionId,
        _ => Guid.Empty,
    };

    [Fact]
    public async Task Should_reject_a_reserve_below_the_redemption_threshold_with_the_shortfall()
    {
        var member = await factory.ActivateMemberAsync();
        await factory.CreditAsync(member, 9_000);
        var redemption = Guid.NewGuid();

        await Harness.Bus.Publish(new ReservePoints(redemption, member, 1_000));

        var rejected = await OutcomeAsync<PointsReservationRejected>(redemption);
        Assert.Equal(ReasonCodes.BelowRedemptionThreshold, rejected.Reason);
        Assert.Equal(1_000, rejected.Shortfall);
        Assert.Equal(9_000, (await factory.BalanceAsync(member))!.Available);
    }

    [Fact]
    public async Task Should_reject_a_reserve_for_a_member_unknown_to_the_directory()
    {
        var redemption = Guid.NewGuid();

        await Harness.Bus.Publish(new ReservePoints(redemption, Guid.NewGuid(), 1_000));

        Assert.Equal(ReasonCodes.MemberNotActive, (await OutcomeAsync<PointsReservationRejected>(redemption)).Reason);
    }

    [Fact]
    public async Task Should_reject_a_reserve_beyond_the_available_points()
    {
        var member = await UnlockedMemberAsync(10_000);
        var redemption = Guid.NewGuid();

        await Harness.Bus.Publish(new ReservePoints(redemption, member, 10_001));

        var rejected = await OutcomeAsync<PointsReservationRejected>(redemption);
        Assert.Equal(ReasonCodes.InsufficientAvailablePoints, rejected.Reason);
        Assert.Equal((10_001, 10_000, 0, 1), (rejected.Required, rejected.Available, rejected.Frozen, rejected.Shortfall));
    }

    [Fact]
    public async Task Should_answer_a_redelivered_rejected_reserve_with_the_same_rejection_after_the_member_gained_points()
    {
        var member = await UnlockedMemberAsync(10_000);
        var command = new ReservePoints(Guid.NewGuid(), member, 12_000);
        await Harness.Bus.Publish(command);
        var first = await OutcomeAsync<PointsReservationRejected>(command.RedemptionId);
        await factory.CreditAsync(member, 5_000);

        await Harness.Bus.Publish(command);

        var again = await OutcomeAsync<PointsReservationRejected>(command.RedemptionId, count: 2);
        Assert.Equal(first, again);
        Assert.Equal((ReasonCodes.InsufficientAvailablePoints, 10_000L, 2_000L), (again.Reason, again.Available, again.Shortfall));
        Assert.Empty(Published<PointsReserved>(command.RedemptionId));
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((15_000, 0), (balance!.Available, balance.Held));
    }

    [Fact]
    public async Task Should_give_each_lot_back_exactly_what_it_gave_when_a_hold_spread_over_several_lots_is_released()
    {
        var (member, oldest, middle, newest) = await MemberWithThreeLotsAsync();
        Assert.IsType<PointsReserved>(await factory.ReserveAsync(member, 2_000)); // stays held on the oldest lot
        var redemption = Guid.NewGuid();
        await Harness.Bus.Publish(new ReservePoints(redemption, member, 7_000)); // 4,000 from the oldest, 3,000 from the middle
        await OutcomeAsync<PointsReserved>(redemption);

        await Harness.Bus.Publish(new ReleasePoints(redemption, member, "seat unavailable"));
        await Harness.Bus.Publish(new ReleasePoints(redemption, member, "seat unavailable"));

        await OutcomeAsync<PointsReleased>(redemption, count: 2);
        var lots = await LotsAsync(member);
        Assert.Equal(((4_000L, 2_000L), (5_000L, 0L), (3_000L, 0L)), (lots[oldest], lots[middle], lots[newest]));
    }

    [Fact]
    public async Task Should_hold_points_once_when_a_reserve_is_delivered_twice()
    {
        var member = await UnlockedMemberAsync(12_000);
        var command = new ReservePoints(Guid.NewGuid(), member, 5_530);

        await Harness.Bus.Publish(command);
        await Harness.Bus.Publish(command);

        await OutcomeAsync<PointsReserved>(command.RedemptionId, count: 2);
        var answers = Published<PointsReserved>(command.RedemptionId);
        Assert.Single(answers.Select(a => a.HoldId).Distinct());
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((6_470, 5_530), (balance!.Available, balance.Held));
    }

    [Fact]
    public async Task Should_answer_a_request_with_a_response()
    {
        var member = await UnlockedMemberAsync();
        var client = Harness.GetRequestClient<ReservePoints>();

        var response = await client.GetResponse<PointsReserved, PointsReservationRejected>(new ReservePoints(Guid.NewGuid(), member, 100));

        Assert.True(response.Is(out Response<PointsReserved>? reserved));
        Assert.Equal(100, reserved!.Message.Points);
    }

    [Fact]
    public async Task Should_capture_a_hold_once()
    {
        var member = await UnlockedMemberAsync();
        var redemption = Guid.NewGuid();
        await Harness.Bus.Publish(new ReservePoints(redemption, member, 3_000));
        var reserved = await OutcomeAsync<PointsReserved>(redemption);

        await Harness.Bus.Publish(new CapturePoints(redemption, member));
        await Harness.Bus.Publish(new CapturePoints(redemption, member));

        await OutcomeAsync<PointsCaptured>(redemption, count: 2);
        Assert.All(Published<PointsCaptured>(redemption), c => Assert.Equal((reserved.HoldId, 3_000L), (c.HoldId, c.Points)));
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((7_000, 0, 3_000), (balance!.Available, balance.Held, balance.Captured));
    }

    [Fact]
    public async Task Should_refuse_to_capture_a_hold_that_does_not_exist_or_was_released()
    {
        var member = await UnlockedMemberAsync();
        var missing = Guid.NewGuid();
        var released = Guid.NewGuid();
        await Harness.Bus.Publish(new ReservePoints(released, member, 1_000));
        await OutcomeAsync<PointsReserved>(released);
        await Harness.Bus.Publish(new ReleasePoints(released, member, "seat unavailable"));
        await OutcomeAsync<PointsReleased>(released);

        await Harness.Bus.Publish(new CapturePoints(missing, member));
        await Harness.Bus.Publish(new CapturePoints(released, member));

        Assert.Equal(ReasonCodes.HoldNotFound, (await OutcomeAsync<PointsCaptureRejected>(missing)).Reason);
        Assert.Equal(ReasonCodes.HoldAlreadyReleased, (await OutcomeAsync<PointsCaptureRejected>(released)).Reason);
        Assert.Equal(10_000, (await factory.BalanceAsync(member))!.Available);
    }

    [Fact]
    public async Task Should_give_released_points_back_to_their_lots_once()
    {
        var member = await UnlockedMemberAsync();
        var redemption = Guid.NewGuid();
        await Harness.Bus.Publish(new ReservePoints(redemption, member, 4_000));
        await OutcomeAsync<PointsReserved>(redemption);

        await Harness.Bus.Publish(new ReleasePoints(redemption, member, "seat unavailable"));
        await Harness.Bus.Publish(new ReleasePoints(redemption, member, "seat unavailable"));

        await OutcomeAsync<PointsReleased>(redemption, count: 2);
        Assert.All(Published<PointsReleased>(redemption), r => Assert.Equal(4_000, r.Points));
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((10_000, 0), (balance!.Available, balance.Held));
    }

    [Fact]
    public async Task Should_reverse_a_capture_the_saga_gave_up_on_and_give_its_points_back_once()
    {
        var member = await UnlockedMemberAsync();
        var redemption = Guid.NewGuid();
        await Harness.Bus.Publish(new ReservePoints(redemption, member, 3_000));
        await OutcomeAsync<PointsReserved>(redemption);
        await Harness.Bus.Publish(new CapturePoints(redemption, member));
        await OutcomeAsync<PointsCaptured>(redemption);

        // The capture's answer was lost, the step timed out and the ticket was voided: the saga releases the hold.
        await Harness.Bus.Publish(new ReleasePoints(redemption, member, "StepTimedOut"));
        await Harness.Bus.Publish(new ReleasePoints(redemption, member, "StepTimedOut"));
        await OutcomeAsync<PointsReleased>(redemption, count: 2);
        await Harness.Bus.Publish(new CapturePoints(redemption, member));

        Assert.All(Published<PointsReleased>(redemption), r => Assert.Equal(3_000, r.Points));
        Assert.Equal(ReasonCodes.HoldAlreadyReleased, (await OutcomeAsync<PointsCaptureRejected>(redemption)).Reason);
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((10_000, 0, 0), (balance!.Available, balance.Held, balance.Captured));
        var kinds = await factory.InScopeAsync<PointsDbContext, List<string>>(db =>
            db.Entries.Where(e => e.RedemptionId == redemption).OrderBy(e => e.Id).Select(e => e.Kind.ToString()).ToListAsync());
        Assert.Equal(["Held", "Captured", "CaptureReversed"], kinds);
    }

    [Fact]
    public async Task Should_answer_a_release_without_a_hold_with_zero_points_and_refuse_a_late_reserve()
    {
        var member = await UnlockedMemberAsync();
        var redemption = Guid.NewGuid();

        await Harness.Bus.Publish(new ReleasePoints(redemption, member, "step timed out"));
        var released = await OutcomeAsync<PointsReleased>(redemption);
        await Harness.Bus.Publish(new ReservePoints(redemption, member, 1_000));

        Assert.Equal((null, 0L), (released.HoldId, released.Points));
        Assert.Equal(ReasonCodes.HoldAlreadyReleased, (await OutcomeAsync<PointsReservationRejected>(redemption)).Reason);
        Assert.Equal(0, (await factory.BalanceAsync(member))!.Held);
    }

    [Fact]
    public async Task Should_release_a_forgotten_hold_after_two_hours_and_report_it()
    {
        var member = await UnlockedMemberAsync();
        var redemption = Guid.NewGuid();
        await Harness.Bus.Publish(new ReservePoints(redemption, member, 2_000));
        await OutcomeAsync<PointsReserved>(redemption);
        var sweeper = factory.Services.GetRequiredService<HoldSweeper>();

        factory.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        await sweeper.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2_000, (await factory.BalanceAsync(member))!.Held);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await sweeper.RunOnceAsync(CancellationToken.None);
        await sweeper.RunOnceAsync(CancellationToken.None);

        var expired = await OutcomeAsync<PointsHoldExpired>(redemption);
        Assert.Equal(2_000, expired.Points);
        Assert.Single(Published<PointsHoldExpired>(redemption));
        var balance = await factory.BalanceAsync(member);
        Assert.Equal((10_000, 0), (balance!.Available, balance.Held));
        await Harness.Bus.Publish(new CapturePoints(redemption, member));
        Assert.Equal(ReasonCodes.HoldAlreadyReleased, (await OutcomeAsync<PointsCaptureRejected>(redemption)).Reason);
    }

    [Fact]
    public async Task Should_hold_the_oldest_lots_first()
    {
        var (member, oldest, middle, newest) = await MemberWithThreeLotsAsync();

        var reserved = await factory.InScopeAsync<HoldBook, object>(b => b.ReserveAsync(new ReservePoints(Guid.NewGuid(), member, 7_000), CancellationToken.None));

        Assert.IsType<PointsReserved>(reserved);
        var lots = await LotsAsync(member);
        Assert.Equal((6_000, 1_000, 0), (lots[oldest].Held, lots[middle].Held, lots[newest].Held));
    }
}
