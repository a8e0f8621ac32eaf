using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Contracts.Points;
using Changxing.Contracts.Redemptions;
using Changxing.Contracts.Ticketing;
using Changxing.Messaging.Sagas;
using Changxing.ServiceDefaults.Outcomes;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Changxing.Ticketing.Redemptions;

/// <summary>
/// Redeeming points for a ticket (积分兑换车票), DESIGN.md section 3:
/// Submitted → Authorising → ReservingPoints → CapturingPoints → Completed, and on any rejection or exhausted step,
/// Compensating (void the ticket, release the seat, release the points) → Failed. The seat and the e-ticket are
/// Ticketing's own: they are taken in the transaction that records the points reservation
/// (<see cref="IssueRedemptionTicketActivity"/>), not sent through the broker back to this process.
/// Every step has a durable deadline; an overdue step is re-sent (commands are idempotent by redemption id) up to
/// <see cref="RedemptionOptions.MaxResends"/> times, then fails with StepTimedOut and compensates what may have been done
/// (for an unanswered capture: void the ticket, then release the seat and the points, captured or not).
/// Late and duplicate replies are absorbed, and a late hold is released.
/// </summary>
public sealed partial class RedemptionStateMachine : StepDeadlineStateMachine<RedemptionState>
{
    private readonly RedemptionOptions _options;
    private readonly TimeProvider _clock;

    public RedemptionStateMachine(IOptions<RedemptionOptions> options, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        var timeout = _options.StepTimeout;

        InstanceState(x => x.CurrentState);
        Event(() => Requested, e => e.CorrelateById(m => m.Message.RedemptionId));
        Correlate(() => Authorised, m => m.RedemptionId);
        Correlate(() => AuthorisationRejected, m => m.RedemptionId);
        Correlate(() => PointsReserved, m => m.RedemptionId);
        Correlate(() => PointsRejected, m => m.RedemptionId);
        Correlate(() => PointsCaptured, m => m.RedemptionId);
        Correlate(() => CaptureRejected, m => m.RedemptionId);
        Correlate(() => TicketVoided, m => m.RedemptionId);
        Correlate(() => SeatReleased, m => m.RedemptionId);
        Correlate(() => PointsReleased, m => m.RedemptionId);

        // The API stores the row already in Authorising and sends AuthoriseRedemption itself (its deadline covers a lost
        // send). A RedemptionRequested from another producer creates the row here; rows an earlier version stored in
        // Submitted are started by the request or, if it was lost, by the submit deadline.
        // A timeline entry's State is the redemption's state right after the entry (RedemptionTimeline): so an entry that
        // moves the redemption is recorded after its TransitionTo.
        Initially(
            When(Requested)
                .Then(x => x.Saga.Describe(x.Message, x.Message.RedemptionId.ToString("N"), requestHash: string.Empty))
                .Publish(x => Authorise(x.Saga))
                .StartStepDeadline(RedemptionSteps.Authorise, timeout)
                .TransitionTo(Authorising)
                .Then(x => Record(x, "Requested")));

        During(Submitted,
            When(Requested)
                .Publish(x => Authorise(x.Saga))
                .StartStepDeadline(RedemptionSteps.Authorise, timeout)
                .TransitionTo(Authorising)
                .Then(x => Record(x, "Requested")),
            When(StepOverdue, x => x.IsCurrentDeadline())
                .Publish(x => Authorise(x.Saga))
                .StartStepDeadline(RedemptionSteps.Authorise, timeout)
                .TransitionTo(Authorising)
                .Then(x => Record(x, "RequestRecovered", "the request message was not seen; starting from the stored request")));

        During(Authorising,
            When(Authorised)
                .Then(x =>
                {
                    x.Saga.PassengerKey = x.Message.PassengerKey;
                    x.Saga.PassengerName = x.Message.PassengerName;
                    x.Saga.PassengerIdMasked = x.Message.PassengerIdMasked;
                    x.Saga.AuthorisationCode = null;
                })
                .Publish(x => new ReservePoints(x.Saga.CorrelationId, x.Saga.MemberId, x.Saga.Points))
                .StartStepDeadline(RedemptionSteps.ReservePoints, timeout)
                .TransitionTo(ReservingPoints)
                .Then(x => Record(x, "Authorised", $"passenger {x.Message.PassengerName}")),
            When(AuthorisationRejected)
                .Then(x => x.Saga.AuthorisationCode = null)
                .Then(x => SetFailure(x.Saga, x.Message.Reason, x.Message.Detail))
                .Then(x => Record(x, "AuthorisationRejected", $"{x.Message.Reason}: {x.Message.Detail}"))
                .Then(x => PlanCompensation(x.Saga, pointsMayBeHeld: false, seatMayBeHeld: false, ticketMayExist: false))
                .ThenAsync(CompensateOrFail),
            ResendWhenOverdue(x => Authorise(x.Saga)),
            FailWhenExhausted(pointsMayBeHeld: false, seatMayBeHeld: false, ticketMayExist: false));

        During(ReservingPoints,
            When(PointsReserved)
                .Then(x => x.Saga.PointsHoldId = x.Message.HoldId)
                .Activity(a => a.OfType<IssueRedemptionTicketActivity>())
                .IfElse(x => x.Saga.TicketNumber is not null,
                    issued => issued
                        .Publish(x => new CapturePoints(x.Saga.CorrelationId, x.Saga.MemberId))
                        .StartStepDeadline(RedemptionSteps.CapturePoints, timeout)
                        .TransitionTo(CapturingPoints)
                        .Then(x =>
                        {
                            Record(x, "PointsReserved", $"hold {x.Message.HoldId}, {x.Message.Points} points");
                            Record(x, "SeatHeld", $"car {x.Saga.Car} seat {x.Saga.Seat}, hold {x.Saga.SeatHoldId}");
                            Record(x, "TicketIssued", $"ticket {x.Saga.TicketNumber}");
                        }),
                    refused => refused
                        .Then(x =>
                        {
                            var outcome = x.GetPayload<Outcome<Tickets.Ticket>>();
                            SetFailure(x.Saga, outcome.Reason!, outcome.Detail!);
                            Record(x, "PointsReserved", $"hold {x.Message.HoldId}, {x.Message.Points} points");
                            Record(x, "SeatRejected", $"{outcome.Reason}: {outcome.Detail}");
                            PlanCompensation(x.Saga, pointsMayBeHeld: true, seatMayBeHeld: false, ticketMayExist: false);
                        })
                        .ThenAsync(CompensateOrFail)),
            When(PointsRejected)
                .Then(x => SetFailure(x.Saga, x.Message.Reason, x.Message.Detail))
                .Then(x => Record(x, "PointsRejected", $"{x.Message.Reason}: {x.Message.Detail}"))
                .Then(x => PlanCompensation(x.Saga, pointsMayBeHeld: false, seatMayBeHeld: false, ticketMayExist: false))
                .ThenAsync(CompensateOrFail),
            ResendWhenOverdue(x => new ReservePoints(x.Saga.CorrelationId, x.Saga.MemberId, x.Saga.Points)),
            FailWhenExhausted(pointsMayBeHeld: true, seatMayBeHeld: false, ticketMayExist: false));

        // Redemptions stored by a version that held the seat and issued the ticket through the broker, and caught
        // in between by the upgrade: nothing answers those steps any more, so when their deadline passes they fail
        // and give back whatever may have been taken.
        During(HoldingSeat, IssuingTicket,
            When(StepOverdue, x => x.IsCurrentDeadline())
                .Then(x =>
                {
                    SetFailure(x.Saga, ReasonCodes.StepTimedOut, $"No answer to {x.Message.Step} after {x.Message.Attempt} attempts.");
                    x.Saga.AuthorisationCode = null;
                    Record(x, "StepTimedOut", x.Message.Step);
                    PlanCompensation(x.Saga, pointsMayBeHeld: true, seatMayBeHeld: true, ticketMayExist: true);
                })
                .ThenAsync(CompensateOrFail));

        During(CapturingPoints,
            When(PointsCaptured)
                .ClearStepDeadline()
                .TransitionTo(Completed)
                .Then(x => Record(x, "PointsCaptured", $"{x.Message.Points} points, hold {x.Message.HoldId}"))
                .Publish(x => new RedemptionCompleted(x.Saga.CorrelationId, x.Saga.MemberId, x.Saga.TicketNumber!, x.Saga.TrainNumber,
                    x.Saga.TravelDate, x.Saga.FromStation, x.Saga.ToStation, x.Saga.DepartsAt ?? default, x.Saga.SeatClass,
                    x.Saga.Car!, x.Saga.Seat!, x.Saga.PassengerName!, x.Saga.Points, _clock.GetUtcNow()))
                .Then(RedemptionWaiters.WakeAfterCommit),
            When(CaptureRejected)
                .Then(x => SetFailure(x.Saga, ReasonCodes.CaptureRefused, $"{x.Message.Reason}: {x.Message.Detail}"))
                .Then(x => Record(x, "CaptureRejected", $"{x.Message.Reason}: {x.Message.Detail}"))
                .Then(x => PlanCompensation(x.Saga, pointsMayBeHeld: true, seatMayBeHeld: true, ticketMayExist: true))
                .ThenAsync(CompensateOrFail),
            // An exhausted capture may have been applied without our hearing of it: the ticket is voided first, then
            // Points gives back the hold whether it is still held or was captured (HoldBook reverses the capture).
            ResendWhenOverdue(x => new CapturePoints(x.Saga.CorrelationId, x.Saga.MemberId)),
            FailWhenExhausted(pointsMayBeHeld: true, seatMayBeHeld: true, ticketMayExist: true));

        // The ticket is voided before anything is released; then seat and points go back together.
        During(Compensating,
            When(TicketVoided)
                .Then(x =>
                {
                    x.Saga.TicketVoidPending = false;
                    Record(x, "TicketVoided", x.Message.TicketNumber);
                })
                .ThenAsync(SendReleases)
                .ThenAsync(FailIfCompensated),
            When(SeatReleased)
                .Then(x =>
                {
                    x.Saga.SeatReleasePending = false;
                    Record(x, "SeatReleased", x.Message.HoldId?.ToString());
                })
                .ThenAsync(FailIfCompensated),
            When(PointsReleased)
                .Then(x =>
                {
                    x.Saga.PointsReleasePending = false;
                    Record(x, "PointsReleased", $"{x.Message.Points} points");
                })
                .ThenAsync(FailIfCompensated),
            When(StepOverdue, x => x.IsCurrentDeadline())
                .Then(x => Record(x, "CompensationResent", Pending(x.Saga)))
                .ThenAsync(x => x.Saga.TicketVoidPending ? x.Publish(new VoidTicket(x.Saga.CorrelationId, x.Saga.FailureReason!)) : SendReleases(x))
                .RestartStepDeadline(_options.CompensationRetryInterval));

        // A points hold that arrives after the redemption gave up is released at once; anything else late is only noted.
        // Bound to the states the event finds, not a DuringAny condition: the PointsReserved that itself ends in
        // Compensating (no seat) must not count as late.
        During(Compensating, Failed,
            When(PointsReserved)
                .Then(x => Record(x, "LatePointsHoldReleased", x.Message.HoldId.ToString()))
                .Publish(x => new ReleasePoints(x.Saga.CorrelationId, x.Saga.MemberId, "late hold after failure")));

        // Every other late or duplicate reply (e.g. a second PointsReserved while holding the seat) changes nothing.
        OnUnhandledEvent(x => x.Ignore());
    }

    public State Submitted { get; private set; } = null!;
    public State Authorising { get; private set; } = null!;
    public State ReservingPoints { get; private set; } = null!;
    /// <summary>Only redemptions stored by an earlier version are in these two states (see above).</summary>
    public State HoldingSeat { get; private set; } = null!;
    public State IssuingTicket { get; private set; } = null!;
    public State CapturingPoints { get; private set; } = null!;
    public State Compensating { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;

    public Event<RedemptionRequested> Requested { get; private set; } = null!;
    public Event<RedemptionAuthorised> Authorised { get; private set; } = null!;
    public Event<RedemptionAuthorisationRejected> AuthorisationRejected { get; private set; } = null!;
    public Event<PointsReserved> PointsReserved { get; private set; } = null!;
    public Event<PointsReservationRejected> PointsRejected { get; private set; } = null!;
    public Event<PointsCaptured> PointsCaptured { get; private set; } = null!;
    public Event<PointsCaptureRejected> CaptureRejected { get; private set; } = null!;
    public Event<TicketVoided> TicketVoided { get; private set; } = null!;
    public Event<SeatReleased> SeatReleased { get; private set; } = null!;
    public Event<PointsReleased> PointsReleased { get; private set; } = null!;

    /// <summary>States in which a redemption is over: nothing more will happen to it.</summary>
    public static bool IsFinal(string state) => state is nameof(Completed) or nameof(Failed);

    private void Correlate<T>(System.Linq.Expressions.Expression<Func<Event<T>>> selector, Func<T, Guid> redemptionId)
        where T : class =>
        Event(selector, e =>
        {
            e.CorrelateById(m => redemptionId(m.Message));
            e.OnMissingInstance(m => m.Discard());
        });

    /// <summary>Step 1's command; the API sends the first one itself when it stores the redemption (RedemptionEndpoints).</summary>
    public static AuthoriseRedemption Authorise(RedemptionState saga) =>
        new(saga.CorrelationId, saga.MemberId, saga.BeneficiaryId, saga.AuthorisationCode ?? string.Empty);

    private EventActivityBinder<RedemptionState, StepDeadlineExpired<RedemptionState>> ResendWhenOverdue<T>(
        EventMessageFactory<RedemptionState, StepDeadlineExpired<RedemptionState>, T> command)
        where T : class =>
        When(StepOverdue, x => x.IsCurrentDeadline() && x.Message.Attempt <= _options.MaxResends)
            .Then(x => Record(x, "StepResent", $"{x.Message.Step}, attempt {x.Message.Attempt + 1}"))
            .Publish(command)
            .RestartStepDeadline(_options.StepTimeout);

    private EventActivityBinder<RedemptionState, StepDeadlineExpired<RedemptionState>> FailWhenExhausted(
        bool pointsMayBeHeld, bool seatMayBeHeld, bool ticketMayExist) =>
        When(StepOverdue, x => x.IsCurrentDeadline() && x.Message.Attempt > _options.MaxResends)
            .Then(x =>
            {
                SetFailure(x.Saga, ReasonCodes.StepTimedOut, $"No answer to {x.Message.Step} after {x.Message.Attempt} attempts.");
                x.Saga.IsPaymentFailure = RedemptionSteps.IsPaymentStep(x.Message.Step);
                x.Saga.AuthorisationCode = null;
                Record(x, "StepTimedOut", x.Message.Step);
                PlanCompensation(x.Saga, pointsMayBeHeld, seatMayBeHeld, ticketMayExist);
            })
            .ThenAsync(CompensateOrFail);

    private static void SetFailure(RedemptionState saga, string reason, string detail)
    {
        saga.FailureReason = reason;
        saga.FailureDetail = detail.Length > 500 ? detail[..500] : detail;
        saga.IsPaymentFailure = PaymentFailurePolicy.IsPaymentFailure(reason);
    }

    private void Record(BehaviorContext<RedemptionState> x, string @event, string? detail = null) =>
        RedemptionTimeline.Append(x.Saga, _clock.GetUtcNow(), @event, detail);
}
