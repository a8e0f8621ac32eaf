using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Contracts.Points;
using Changxing.Contracts.Redemptions;
using Changxing.Contracts.Ticketing;
using Changxing.Ticketing.Redemptions;

namespace Changxing.Ticketing.Tests.Redemptions;

public sealed class RedemptionStateMachineSpecs : IAsyncLifetime
{
    private RedemptionHarness _h = null!;

    public async Task InitializeAsync() => _h = await RedemptionHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Should_authorise_reserve_then_hold_and_ticket_in_the_same_step_capture_and_complete_with_the_ticket()
    {
        var request = RedemptionHarness.Request();
        var id = request.RedemptionId;

        await _h.Publish(request);
        await _h.InState(id, m => m.Authorising);
        Assert.True(await _h.WasPublished<AuthoriseRedemption>(m => m.RedemptionId == id && m.AuthorisationCode == "one-time-code"));

        await _h.Publish(new RedemptionAuthorised(id, request.MemberId, "passenger-key", "张三", "1101**********1234"));
        await _h.InState(id, m => m.ReservingPoints);
        Assert.True(await _h.WasPublished<ReservePoints>(m => m.RedemptionId == id && m.Points == 55_300));

        await _h.Publish(new PointsReserved(id, request.MemberId, Guid.NewGuid(), 55_300));
        var capturing = await _h.InState(id, m => m.CapturingPoints);
        Assert.True(await _h.WasPublished<CapturePoints>(m => m.RedemptionId == id));
        Assert.Equal(1, _h.Tickets.Calls);
        Assert.Equal(("E123456789", "05", "12F"), (capturing.TicketNumber, capturing.Car, capturing.Seat));
        Assert.Equal((RedemptionSteps.CapturePoints, 1), (capturing.DeadlineStep, capturing.DeadlineAttempt));

        await _h.Publish(new PointsCaptured(id, request.MemberId, Guid.NewGuid(), 55_300));
        var done = await _h.InState(id, m => m.Completed);

        Assert.True(await _h.WasPublished<RedemptionCompleted>(m => m.RedemptionId == id && m.TicketNumber == "E123456789" && m.Seat == "12F"));
        Assert.Equal(0, await _h.PublishedExactly<ReleasePoints>(0, m => m.RedemptionId == id));
        Assert.Equal(0, await _h.PublishedExactly<ReleaseSeat>(0, m => m.RedemptionId == id));
        Assert.Null(done.AuthorisationCode);
        Assert.Null(done.DeadlineAt);
        Assert.Equal(
            ["Requested", "Authorised", "PointsReserved", "SeatHeld", "TicketIssued", "PointsCaptured"],
            RedemptionTimeline.Read(done).Select(e => e.Event));
        // Each entry carries the state the redemption was in right after it.
        Assert.Equal(
            ["Authorising", "ReservingPoints", "CapturingPoints", "CapturingPoints", "CapturingPoints", "Completed"],
            RedemptionTimeline.Read(done).Select(e => e.State));
    }

    [Theory]
    [InlineData(ReasonCodes.AuthorisationInvalid, true)]
    [InlineData(ReasonCodes.AuthorisationUsed, true)]
    [InlineData(ReasonCodes.AuthorisationExpired, true)]
    [InlineData(ReasonCodes.MemberNotActive, true)]
    [InlineData(ReasonCodes.BeneficiaryUnknown, false)]
    [InlineData(ReasonCodes.BeneficiaryNotYetEffective, false)]
    [InlineData(ReasonCodes.BeneficiaryNotVerified, false)]
    public async Task Should_fail_without_compensation_when_authorisation_is_refused(string reason, bool isPaymentFailure)
    {
        var request = RedemptionHarness.Request(beneficiaryId: Guid.NewGuid());
        await _h.Publish(request);
        await _h.InState(request.RedemptionId, m => m.Authorising);

        await _h.Publish(new RedemptionAuthorisationRejected(request.RedemptionId, request.MemberId, reason, "refused", null));
        var failed = await _h.InState(request.RedemptionId, m => m.Failed);

        Assert.Equal(reason, failed.FailureReason);
        Assert.True(await _h.WasPublished<RedemptionFailed>(m => m.RedemptionId == request.RedemptionId && m.IsPaymentFailure == isPaymentFailure));
        Assert.Equal(0, await _h.PublishedExactly<ReservePoints>(0, m => m.RedemptionId == request.RedemptionId));
        Assert.Equal(0, await _h.PublishedExactly<ReleasePoints>(0, m => m.RedemptionId == request.RedemptionId));
    }

    [Theory]
    [InlineData(ReasonCodes.InsufficientAvailablePoints)]
    [InlineData(ReasonCodes.BelowRedemptionThreshold)]
    [InlineData(ReasonCodes.MemberNotActive)]
    public async Task Should_fail_before_any_seat_is_held_when_points_are_refused(string reason)
    {
        var (request, _) = await ReachReservingPoints();

        await _h.Publish(new PointsReservationRejected(request.RedemptionId, request.MemberId, reason, "not enough", 55_300, 1_000, 0, 54_300));
        var failed = await _h.InState(request.RedemptionId, m => m.Failed);

        Assert.Equal(reason, failed.FailureReason);
        Assert.True(failed.IsPaymentFailure);
        Assert.Equal(0, _h.Tickets.Calls);
        Assert.Equal(0, await _h.PublishedExactly<ReleasePoints>(0, m => m.RedemptionId == request.RedemptionId));
    }

    [Theory]
    [InlineData(ReasonCodes.QuotaExhausted)]
    [InlineData(ReasonCodes.SoldOut)]
    [InlineData(ReasonCodes.PassengerAlreadyHasTicket)]
    [InlineData(ReasonCodes.NotRedeemable)]
    [InlineData(ReasonCodes.UnknownTrain)]
    [InlineData(ReasonCodes.HoldAlreadyReleased)]
    public async Task Should_release_the_points_hold_when_no_seat_can_be_held(string reason)
    {
        var (request, _) = await ReachReservingPoints();
        _h.Tickets.Refuse(reason);

        await _h.Publish(new PointsReserved(request.RedemptionId, request.MemberId, Guid.NewGuid(), 55_300));
        var compensating = await _h.InState(request.RedemptionId, m => m.Compensating);
        Assert.True(compensating.PointsReleasePending);
        Assert.True(await _h.WasPublished<ReleasePoints>(m => m.RedemptionId == request.RedemptionId));
        Assert.Equal(0, await _h.PublishedExactly<ReleaseSeat>(0, m => m.RedemptionId == request.RedemptionId));

        await _h.Publish(new PointsReleased(request.RedemptionId, request.MemberId, Guid.NewGuid(), 55_300));
        var failed = await _h.InState(request.RedemptionId, m => m.Failed);

        Assert.Equal(reason, failed.FailureReason);
        Assert.True(await _h.WasPublished<RedemptionFailed>(m => m.RedemptionId == request.RedemptionId && !m.IsPaymentFailure));
        Assert.Equal(["Requested", "Authorised", "PointsReserved", "SeatRejected", "CompensationStarted", "PointsReleased", "Failed"],
            RedemptionTimeline.Read(failed).Select(e => e.Event));
        // A rejection leaves the state as it was; the entry that follows carries the move.
        Assert.Equal(["Authorising", "ReservingPoints", "ReservingPoints", "ReservingPoints", "Compensating", "Compensating", "Failed"],
            RedemptionTimeline.Read(failed).Select(e => e.State));
    }

    [Fact]
    public async Task Should_void_the_ticket_before_releasing_anything_when_capture_is_refused()
    {
        var request = await ReachCapturingPoints();

        await _h.Publish(new PointsCaptureRejected(request.RedemptionId, request.MemberId, ReasonCodes.HoldAlreadyReleased, "released by the safety net"));
        await _h.InState(request.RedemptionId, m => m.Compensating);
        Assert.True(await _h.WasPublished<VoidTicket>(m => m.RedemptionId == request.RedemptionId));
        Assert.Equal(0, await _h.PublishedExactly<ReleasePoints>(0, m => m.RedemptionId == request.RedemptionId));

        await _h.Publish(new TicketVoided(request.RedemptionId, "E123456789"));
        Assert.True(await _h.WasPublished<ReleasePoints>(m => m.RedemptionId == request.RedemptionId));
        Assert.True(await _h.WasPublished<ReleaseSeat>(m => m.RedemptionId == request.RedemptionId));
        await _h.Publish(new SeatReleased(request.RedemptionId, null));
        await _h.Publish(new PointsReleased(request.RedemptionId, request.MemberId, Guid.NewGuid(), 55_300));
        var failed = await _h.InState(request.RedemptionId, m => m.Failed);

        Assert.Equal(ReasonCodes.CaptureRefused, failed.FailureReason);
        Assert.True(failed.IsPaymentFailure);
    }

    [Fact]
    public async Task Should_resend_an_overdue_step_three_times_then_fail_with_StepTimedOut()
    {
        var request = RedemptionHarness.Request();
        await _h.Publish(request);
        var saga = await _h.InState(request.RedemptionId, m => m.Authorising);
        Assert.Equal((RedemptionSteps.Authorise, 1), (saga.DeadlineStep, saga.DeadlineAttempt));
        Assert.Equal(_h.Clock.GetUtcNow() + TimeSpan.FromSeconds(30), saga.DeadlineAt);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await _h.Overdue(request.RedemptionId);
            Assert.Equal(attempt + 1, _h.Current(request.RedemptionId).DeadlineAttempt);
        }

        Assert.Equal(4, await _h.PublishedExactly<AuthoriseRedemption>(4, m => m.RedemptionId == request.RedemptionId));
        await _h.Overdue(request.RedemptionId);
        var failed = await _h.InState(request.RedemptionId, m => m.Failed);

        Assert.Equal(ReasonCodes.StepTimedOut, failed.FailureReason);
        Assert.True(failed.IsPaymentFailure);
        Assert.Equal(4, await _h.PublishedExactly<AuthoriseRedemption>(4, m => m.RedemptionId == request.RedemptionId));
    }

    [Fact]
    public async Task Should_resend_an_unanswered_capture_three_times_then_void_the_ticket_before_releasing_seat_and_points()
    {
        var request = await ReachCapturingPoints();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await _h.Overdue(request.RedemptionId);
        }

        Assert.Equal(nameof(RedemptionStateMachine.CapturingPoints), _h.Current(request.RedemptionId).CurrentState);
        Assert.Equal(4, await _h.PublishedExactly<CapturePoints>(4, m => m.RedemptionId == request.RedemptionId));

        await _h.Overdue(request.RedemptionId);
        await _h.InState(request.RedemptionId, m => m.Compensating);
        Assert.True(await _h.WasPublished<VoidTicket>(m => m.RedemptionId == request.RedemptionId));
        Assert.Equal(0, await _h.PublishedExactly<ReleasePoints>(0, m => m.RedemptionId == request.RedemptionId));
        Assert.Equal(0, await _h.PublishedExactly<ReleaseSeat>(0, m => m.RedemptionId == request.RedemptionId));

        // The capture may have been applied without an answer: Points reverses it on this release.
        await _h.Publish(new TicketVoided(request.RedemptionId, "E123456789"));
        Assert.True(await _h.WasPublished<ReleaseSeat>(m => m.RedemptionId == request.RedemptionId));
        Assert.True(await _h.WasPublished<ReleasePoints>(m => m.RedemptionId == request.RedemptionId));
        await _h.Publish(new PointsCaptured(request.RedemptionId, request.MemberId, Guid.NewGuid(), 55_300));
        await _h.Publish(new SeatReleased(request.RedemptionId, null));
        await _h.Publish(new PointsReleased(request.RedemptionId, request.MemberId, Guid.NewGuid(), 55_300));
        var failed = await _h.InState(request.RedemptionId, m => m.Failed);

        Assert.Equal(ReasonCodes.StepTimedOut, failed.FailureReason);
        Assert.True(failed.IsPaymentFailure);
        Assert.Equal(4, await _h.PublishedExactly<CapturePoints>(4, m => m.RedemptionId == request.RedemptionId));
        Assert.Equal(0, await _h.PublishedExactly<RedemptionCompleted>(0, m => m.RedemptionId == request.RedemptionId));
        Assert.True(await _h.WasPublished<RedemptionFailed>(m => m.RedemptionId == request.RedemptionId && m.Reason == ReasonCodes.StepTimedOut));
    }

    [Fact]
    public async Task Should_resend_unanswered_compensations_until_they_are_answered()
    {
        var (request, _) = await ReachReservingPoints();
        _h.Tickets.Refuse(ReasonCodes.SoldOut, "sold out");
        await _h.Publish(new PointsReserved(request.RedemptionId, request.MemberId, Guid.NewGuid(), 55_300));
        await _h.InState(request.RedemptionId, m => m.Compensating);

        await _h.Overdue(request.RedemptionId);
        await _h.Overdue(request.RedemptionId);

        Assert.Equal(3, await _h.PublishedExactly<ReleasePoints>(3, m => m.RedemptionId == request.RedemptionId));
        Assert.Equal(nameof(RedemptionStateMachine.Compensating), _h.Current(request.RedemptionId).CurrentState);
    }

    [Fact]
    public async Task Should_ignore_duplicate_replies_and_stale_deadlines()
    {
        var request = await ReachCapturingPoints();
        var saga = _h.Current(request.RedemptionId);
        var staleAttempt = new Changxing.Messaging.Sagas.StepDeadlineExpired<RedemptionState>(request.RedemptionId, RedemptionSteps.ReservePoints, 1, DateTimeOffset.UtcNow);

        await _h.Publish(new PointsReserved(request.RedemptionId, request.MemberId, saga.PointsHoldId!.Value, 55_300));
        await _h.Publish(staleAttempt);
        await _h.Harness.InactivityTask;

        Assert.Equal(nameof(RedemptionStateMachine.CapturingPoints), _h.Current(request.RedemptionId).CurrentState);
        Assert.Equal(1, _h.Tickets.Calls);
        Assert.Equal(1, await _h.PublishedExactly<CapturePoints>(1, m => m.RedemptionId == request.RedemptionId));
        Assert.Equal(1, await _h.PublishedExactly<ReservePoints>(1, m => m.RedemptionId == request.RedemptionId));
        Assert.Equal(0, await _h.PublishedExactly<MassTransit.Fault>(0, _ => true));
    }

    [Fact]
    public async Task Should_not_complete_twice_or_resurrect_when_replies_arrive_late()
    {
        var request = await ReachCapturingPoints();
        await _h.Publish(new PointsCaptured(request.RedemptionId, request.MemberId, Guid.NewGuid(), 55_300));
        await _h.InState(request.RedemptionId, m => m.Completed);

        await _h.Publish(new PointsCaptured(request.RedemptionId, request.MemberId, Guid.NewGuid(), 55_300));
        await _h.Publish(new PointsReserved(request.RedemptionId, request.MemberId, Guid.NewGuid(), 55_300));
        var unknown = Guid.NewGuid();
        await _h.Publish(new PointsReserved(unknown, request.MemberId, Guid.NewGuid(), 100));

        Assert.Equal(1, await _h.PublishedExactly<RedemptionCompleted>(1, m => m.RedemptionId == request.RedemptionId));
        Assert.Equal(1, _h.Tickets.Calls);
        Assert.Equal(0, await _h.PublishedExactly<ReleaseSeat>(0, m => m.RedemptionId == request.RedemptionId));
        Assert.Null(_h.Saga.Sagas.Contains(unknown));
        Assert.Equal(0, await _h.PublishedExactly<MassTransit.Fault>(0, _ => true));
    }

    [Fact]
    public async Task Should_release_a_points_hold_that_arrives_after_the_redemption_failed_without_taking_a_seat()
    {
        var (request, _) = await ReachReservingPoints();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await _h.Overdue(request.RedemptionId);
        }

        await _h.InState(request.RedemptionId, m => m.Compensating);
        await _h.Publish(new PointsReleased(request.RedemptionId, request.MemberId, null, 0));
        await _h.InState(request.RedemptionId, m => m.Failed);

        await _h.Publish(new PointsReserved(request.RedemptionId, request.MemberId, Guid.NewGuid(), 55_300));

        Assert.Equal(2, await _h.PublishedExactly<ReleasePoints>(2, m => m.RedemptionId == request.RedemptionId));
        Assert.Equal(0, _h.Tickets.Calls);
        Assert.Equal(nameof(RedemptionStateMachine.Failed), _h.Current(request.RedemptionId).CurrentState);
    }

    private async Task<(RedemptionRequested Request, RedemptionState Saga)> ReachReservingPoints()
    {
        var request = RedemptionHarness.Request();
        await _h.Publish(request);
        await _h.InState(request.RedemptionId, m => m.Authorising);
        await _h.Publish(new RedemptionAuthorised(request.RedemptionId, request.MemberId, "passenger-key", "张三", "1101**********1234"));
        return (request, await _h.InState(request.RedemptionId, m => m.ReservingPoints));
    }

    private async Task<RedemptionRequested> ReachCapturingPoints()
    {
        var (request, _) = await ReachReservingPoints();
        await _h.Publish(new PointsReserved(request.RedemptionId, request.MemberId, Guid.NewGuid(), 55_300));
        await _h.InState(request.RedemptionId, m => m.CapturingPoints);
        return request;
    }
}
