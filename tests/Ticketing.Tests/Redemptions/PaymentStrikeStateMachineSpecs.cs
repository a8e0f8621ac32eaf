using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Contracts.Redemptions;
using Changxing.Messaging.Sagas;
using Changxing.Ticketing.Redemptions;
using Changxing.Ticketing.Redemptions.Strikes;

namespace Changxing.Ticketing.Tests.Redemptions;

public sealed class PaymentStrikeStateMachineSpecs : IAsyncLifetime
{
    private RedemptionHarness _h = null!;

    public async Task InitializeAsync() => _h = await RedemptionHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_open_one_support_ticket_on_the_third_consecutive_failed_payment()
    {
        var member = Guid.NewGuid();

        await PaymentFailed(member, ReasonCodes.InsufficientAvailablePoints);
        await _h.Publish(new PaymentPasswordRejected(member, 3, false, _h.Clock.GetUtcNow()));
        await WaitForCount(member, 2);
        Assert.Equal(0, await _h.PublishedExactly<OpenSupportTicket>(0, m => m.MemberId == member));
        await PaymentFailed(member, ReasonCodes.CaptureRefused);

        Assert.True(await _h.WasPublished<OpenSupportTicket>(m => m.MemberId == member));
        var ticket = _h.Harness.Published.Select<OpenSupportTicket>().Single(m => m.Context.Message.MemberId == member).Context.Message;
        Assert.Equal("积分支付异常", ticket.Keyword);
        Assert.Equal([ReasonCodes.InsufficientAvailablePoints, ReasonCodes.WrongConsumptionPassword, ReasonCodes.CaptureRefused], ticket.RecentFailures.Select(f => f.Reason));
        Assert.Equal(0, _h.Strikes.Sagas.Contains(member)!.ConsecutiveFailures);
    }

    [Fact]
    public async Task Should_start_counting_again_after_a_completed_redemption()
    {
        var member = Guid.NewGuid();
        await PaymentFailed(member, ReasonCodes.InsufficientAvailablePoints);
        await PaymentFailed(member, ReasonCodes.InsufficientAvailablePoints);
        await WaitForCount(member, 2);

        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await CompleteRedemption(member);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await PaymentFailed(member, ReasonCodes.InsufficientAvailablePoints);
        await WaitForCount(member, 1);
        await PaymentFailed(member, ReasonCodes.CaptureRefused);
        await WaitForCount(member, 2);

        Assert.Equal(0, await _h.PublishedExactly<OpenSupportTicket>(0, m => m.MemberId == member));
        Assert.Equal([ReasonCodes.InsufficientAvailablePoints, ReasonCodes.CaptureRefused], PaymentStrikes.Recent(_h.Strikes.Sagas.Contains(member)!).Select(f => f.Reason));
    }

    [Fact]
    public async Task Should_not_count_a_failure_reported_late_from_before_the_last_completed_redemption()
    {
        var member = Guid.NewGuid();
        var beforeCompletion = _h.Clock.GetUtcNow();
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await CompleteRedemption(member);
        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        await PaymentFailed(member, ReasonCodes.InsufficientAvailablePoints);
        await PaymentFailed(member, ReasonCodes.InsufficientAvailablePoints);
        await WaitForCount(member, 2);

        await PaymentFailed(member, ReasonCodes.CaptureRefused, at: beforeCompletion);

        Assert.Equal(0, await _h.PublishedExactly<OpenSupportTicket>(0, m => m.MemberId == member));
        Assert.Equal(2, _h.Strikes.Sagas.Contains(member)!.ConsecutiveFailures);
    }

    [Fact]
    public async Task Should_neither_count_nor_reset_on_failures_that_are_not_about_paying()
    {
        var member = Guid.NewGuid();
        await PaymentFailed(member, ReasonCodes.InsufficientAvailablePoints);
        await PaymentFailed(member, ReasonCodes.BelowRedemptionThreshold);
        await WaitForCount(member, 2);

        await _h.Publish(new RedemptionFailed(Guid.NewGuid(), member, ReasonCodes.SoldOut, "sold out", false, _h.Clock.GetUtcNow()));
        await _h.Publish(new RedemptionFailed(Guid.NewGuid(), member, ReasonCodes.BeneficiaryNotYetEffective, "day 59", false, _h.Clock.GetUtcNow()));
        Assert.Equal(0, await _h.PublishedExactly<OpenSupportTicket>(0, m => m.MemberId == member));
        Assert.Equal(2, _h.Strikes.Sagas.Contains(member)!.ConsecutiveFailures);

        await PaymentFailed(member, ReasonCodes.InsufficientAvailablePoints);
        Assert.True(await _h.WasPublished<OpenSupportTicket>(m => m.MemberId == member));
    }

    [Fact]
    public async Task Should_not_open_a_second_ticket_while_one_is_open()
    {
        var member = Guid.NewGuid();
        await ThreePaymentsFailed(member);

        Assert.Equal(1, await _h.PublishedExactly<OpenSupportTicket>(1, m => m.MemberId == member));
        await _h.Publish(new SupportTicketOpened(member, Guid.NewGuid(), "GD20260301-000001", "积分支付异常", _h.Clock.GetUtcNow()));
        await ThreePaymentsFailed(member);

        Assert.Equal(1, await _h.PublishedExactly<OpenSupportTicket>(1, m => m.MemberId == member));
        Assert.Equal("GD20260301-000001", _h.Strikes.Sagas.Contains(member)!.OpenTicketNumber);

        await _h.Publish(new SupportTicketResolved(member, Guid.NewGuid(), "GD20260301-000001", _h.Clock.GetUtcNow()));
        await Changxing.TestSupport.Eventually.Until(() => Task.FromResult(_h.Strikes.Sagas.Contains(member)!.OpenTicketNumber is null));
        await ThreePaymentsFailed(member);

        Assert.Equal(2, await _h.PublishedExactly<OpenSupportTicket>(2, m => m.MemberId == member));
    }

    [Fact]
    public async Task Should_ask_again_with_the_same_failures_until_the_ticket_is_announced_and_count_it_once()
    {
        var member = Guid.NewGuid();
        await ThreePaymentsFailed(member);

        Assert.Equal(1, await _h.PublishedExactly<OpenSupportTicket>(1, m => m.MemberId == member));
        var first = Asked(member).Single();
        Assert.Equal(PaymentStrikeStateMachine.OpenSupportTicketStep, _h.Strikes.Sagas.Contains(member)!.DeadlineStep);

        // No answer within the step timeout (the command or SupportTicketOpened was lost): the counter asks again.
        await StrikeOverdue(member);
        Assert.Equal(2, await _h.PublishedExactly<OpenSupportTicket>(2, m => m.MemberId == member));
        Assert.Equal(first.RecentFailures, Asked(member).Last().RecentFailures);

        // Membership answers both requests with its one open ticket: counted once, and the counter stops asking.
        var opened = new SupportTicketOpened(member, Guid.NewGuid(), "GD20260301-000007", "积分支付异常", _h.Clock.GetUtcNow());
        await _h.Publish(opened);
        await _h.Publish(opened with { });
        await Changxing.TestSupport.Eventually.Until(() => Task.FromResult(_h.Strikes.Sagas.Contains(member)!.DeadlineStep is null));
        await _h.Harness.InactivityTask;
        var counter = _h.Strikes.Sagas.Contains(member)!;
        Assert.Equal(1, counter.TicketsOpened);
        Assert.Equal("GD20260301-000007", counter.OpenTicketNumber);
        Assert.Equal(2, await _h.PublishedExactly<OpenSupportTicket>(2, m => m.MemberId == member));
    }

    [Fact]
    public async Task Should_count_a_ticket_resolved_before_its_announcement_reached_the_counter_and_ask_for_the_next_one()
    {
        var member = Guid.NewGuid();
        await ThreePaymentsFailed(member);

        Assert.Equal(1, await _h.PublishedExactly<OpenSupportTicket>(1, m => m.MemberId == member));
        await _h.Publish(new SupportTicketResolved(member, Guid.NewGuid(), "GD20260301-000008", _h.Clock.GetUtcNow()));
        await Changxing.TestSupport.Eventually.Until(() => Task.FromResult(!_h.Strikes.Sagas.Contains(member)!.TicketRequested));
        Assert.Equal(1, _h.Strikes.Sagas.Contains(member)!.TicketsOpened);
        Assert.Null(_h.Strikes.Sagas.Contains(member)!.DeadlineStep);

        // Its announcement arrives late: not counted again, and it does not stop the next ticket.
        await _h.Publish(new SupportTicketOpened(member, Guid.NewGuid(), "GD20260301-000008", "积分支付异常", _h.Clock.GetUtcNow()));
        await _h.Harness.InactivityTask;
        Assert.Equal(1, _h.Strikes.Sagas.Contains(member)!.TicketsOpened);
        await ThreePaymentsFailed(member);

        Assert.Equal(2, await _h.PublishedExactly<OpenSupportTicket>(2, m => m.MemberId == member));
    }

    private IEnumerable<OpenSupportTicket> Asked(Guid member) =>
        _h.Harness.Published.Select<OpenSupportTicket>().Select(m => m.Context.Message).Where(m => m.MemberId == member);

    /// <summary>The overdue event the sweeper would send for the counter's ticket request; waits until the counter has asked again.</summary>
    private async Task StrikeOverdue(Guid member)
    {
        var counter = _h.Strikes.Sagas.Contains(member)!;
        var attempt = counter.DeadlineAttempt;
        await _h.Publish(new StepDeadlineExpired<PaymentStrikeState>(member, counter.DeadlineStep!, attempt, counter.DeadlineAt!.Value));
        await Changxing.TestSupport.Eventually.Until(
            () => Task.FromResult(_h.Strikes.Sagas.Contains(member)!.DeadlineAttempt == attempt + 1),
            TimeSpan.FromSeconds(15),
            "the counter asks for the ticket again");
    }

    private async Task ThreePaymentsFailed(Guid member)
    {
        for (var i = 0; i < 3; i++)
        {
            await PaymentFailed(member, ReasonCodes.InsufficientAvailablePoints);
        }
    }

    /// <summary>A failed payment at <paramref name="at"/> (by default now on the harness's clock); waits until the counter has taken it.</summary>
    private async Task PaymentFailed(Guid member, string reason, DateTimeOffset? at = null)
    {
        // Each failure is taken at a moment of its own, which the counter stamps: that is what is awaited.
        _h.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var takenAt = _h.Clock.GetUtcNow();
        await _h.Publish(new RedemptionFailed(Guid.NewGuid(), member, reason, reason, true, at ?? takenAt));
        await Changxing.TestSupport.Eventually.Until(
            () => Task.FromResult(_h.Strikes.Sagas.Contains(member)?.UpdatedAt == takenAt),
            TimeSpan.FromSeconds(15),
            "the strike counter takes the failure");
    }

    /// <summary>A redemption of <paramref name="member"/> completed by the saga, now on the harness's clock.</summary>
    private async Task CompleteRedemption(Guid member)
    {
        var request = RedemptionHarness.Request(member);
        await _h.Publish(request);
        await _h.InState(request.RedemptionId, m => m.Authorising);
        await _h.Publish(new RedemptionAuthorised(request.RedemptionId, member, "passenger-key", "张三", "1101**********1234"));
        await _h.InState(request.RedemptionId, m => m.ReservingPoints);
        await _h.Publish(new Contracts.Points.PointsReserved(request.RedemptionId, member, Guid.NewGuid(), request.Points));
        await _h.InState(request.RedemptionId, m => m.CapturingPoints);
        await _h.Publish(new Contracts.Points.PointsCaptured(request.RedemptionId, member, Guid.NewGuid(), request.Points));

        // The in-memory saga shows Completed as soon as the transition sets it, before the transition stamps the time
        // (UpdatedAt) and publishes the outcome: waiting for the publish keeps the next clock step out of that stamp.
        Assert.True(await _h.WasPublished<RedemptionCompleted>(m => m.RedemptionId == request.RedemptionId));
    }

    private Task WaitForCount(Guid member, int count) =>
        Changxing.TestSupport.Eventually.Until(
            () => Task.FromResult(_h.Strikes.Sagas.Contains(member)?.ConsecutiveFailures == count),
            TimeSpan.FromSeconds(15),
            $"{count} consecutive failures are counted");
}
