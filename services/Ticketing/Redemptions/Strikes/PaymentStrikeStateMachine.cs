using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Contracts.Redemptions;
using Changxing.Messaging.Sagas;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Changxing.Ticketing.Redemptions.Strikes;

/// <summary>
/// Counts a member's consecutive failed payments: a wrong consumption password, a refused authorisation, points
/// refused (below the threshold, not enough, frozen), a refused capture. A completed redemption ends the run: only
/// failures after the member's last completed redemption count (<see cref="PaymentStrikes.CurrentRun"/>, read from the
/// redemptions table rather than from a RedemptionCompleted delivery to every member's counter). Failures that are
/// not about paying (sold out, not "兑", beneficiary not yet effective) neither count nor reset.
/// <para>
/// The third strike asks Membership for a support ticket with keyword 积分支付异常, one open at a time. The request is a
/// step with a deadline, like a redemption's: until <see cref="SupportTicketOpened"/> arrives it is sent again every
/// <see cref="RedemptionOptions.StepTimeout"/> with the same failures (the command or its answer may be lost, and
/// Membership answers a repeated command with the open ticket). An announcement of a ticket already counted is not
/// counted again.
/// </para>
/// </summary>
public sealed class PaymentStrikeStateMachine : StepDeadlineStateMachine<PaymentStrikeState>
{
    /// <summary>The deadline step of an unanswered ticket request.</summary>
    public const string OpenSupportTicketStep = "open-support-ticket";

    public PaymentStrikeStateMachine(IOptions<RedemptionOptions> options, TimeProvider clock)
    {
        var timeout = options.Value.StepTimeout;
        InstanceState(x => x.CurrentState);
        Event(() => RedemptionFailed, e => e.CorrelateById(m => m.Message.MemberId));
        Event(() => PasswordRejected, e => e.CorrelateById(m => m.Message.MemberId));
        Event(() => TicketOpened, e => e.CorrelateById(m => m.Message.MemberId));
        Event(() => TicketResolved, e =>
        {
            e.CorrelateById(m => m.Message.MemberId);
            e.OnMissingInstance(m => m.Discard());
        });

        // What a member's counter does before its first strike and after: every transition ends in Counting (a
        // transition to the current state is none).
        During(Initial, Counting,
            When(RedemptionFailed, x => x.Message.IsPaymentFailure)
                .ThenAsync(x => Strike(x, new PaymentFailure(x.Message.RedemptionId, x.Message.Reason, x.Message.FailedAt)))
                .TransitionTo(Counting),
            Ignore(RedemptionFailed, x => !x.Message.IsPaymentFailure),
            When(PasswordRejected)
                .ThenAsync(x => Strike(x, new PaymentFailure(null, WrongPasswordReason(x.Message), x.Message.RejectedAt)))
                .TransitionTo(Counting),
            When(TicketOpened, x => IsUncounted(x.Saga, x.Message))
                .Then(x => Opened(x.Saga, x.Message))
                .ClearStepDeadline()
                .TransitionTo(Counting),
            Ignore(TicketOpened, x => !IsUncounted(x.Saga, x.Message)));

        During(Counting,
            When(TicketResolved, x => EndsTheRequest(x.Saga, x.Message))
                .Then(x => Resolved(x.Saga, x.Message, clock.GetUtcNow()))
                .ClearStepDeadline(),
            Ignore(TicketResolved, x => !EndsTheRequest(x.Saga, x.Message)),
            When(StepOverdue, x => x.IsCurrentDeadline() && x.Message.Step == OpenSupportTicketStep)
                .ThenAsync(x => x.Publish(new OpenSupportTicket(
                    x.Saga.CorrelationId, OpenSupportTicket.PointsPaymentProblem, PaymentStrikes.Requested(x.Saga), clock.GetUtcNow())))
                .RestartStepDeadline(timeout));

        async Task Strike(BehaviorContext<PaymentStrikeState> x, PaymentFailure failure)
        {
            var lastCompletedAt = await x.GetServiceOrCreateInstance<ICompletedRedemptions>().LastCompletedAtAsync(x.Saga.CorrelationId, x.CancellationToken);
            var now = clock.GetUtcNow();
            var third = PaymentStrikes.Strike(x.Saga, failure, lastCompletedAt, now);
            if (third is null || x.Saga.TicketRequested)
            {
                return;
            }

            PaymentStrikes.RequestTicket(x.Saga, third);
            x.Saga.StartStep(OpenSupportTicketStep, now + timeout);
            await x.Publish(new OpenSupportTicket(x.Saga.CorrelationId, OpenSupportTicket.PointsPaymentProblem, third, now));
        }
    }

    public State Counting { get; private set; } = null!;

    public Event<RedemptionFailed> RedemptionFailed { get; private set; } = null!;
    public Event<PaymentPasswordRejected> PasswordRejected { get; private set; } = null!;
    public Event<SupportTicketOpened> TicketOpened { get; private set; } = null!;
    public Event<SupportTicketResolved> TicketResolved { get; private set; } = null!;

    private static string WrongPasswordReason(PaymentPasswordRejected rejected) =>
        rejected.Locked ? ReasonCodes.ConsumptionPasswordLocked : ReasonCodes.WrongConsumptionPassword;

    /// <summary>An announced ticket is counted once, however often Membership repeats its announcement.</summary>
    private static bool IsUncounted(PaymentStrikeState saga, SupportTicketOpened opened) =>
        opened.TicketNumber != saga.LastTicketNumber;

    /// <summary>
    /// A resolution ends the open ticket, or counts and ends one whose announcement never arrived; a late resolution
    /// of a ticket already counted and closed changes nothing.
    /// </summary>
    private static bool EndsTheRequest(PaymentStrikeState saga, SupportTicketResolved resolved) =>
        resolved.TicketNumber == saga.OpenTicketNumber || resolved.TicketNumber != saga.LastTicketNumber;

    /// <summary>A ticket not counted yet is open: count it, and no second one until it is resolved.</summary>
    private static void Opened(PaymentStrikeState saga, SupportTicketOpened opened)
    {
        saga.TicketRequested = true;
        saga.RequestedFailures = "[]";
        saga.OpenTicketNumber = opened.TicketNumber;
        saga.LastTicketNumber = opened.TicketNumber;
        saga.TicketsOpened++;
        saga.UpdatedAt = opened.OpenedAt;
    }

    /// <summary>
    /// The open ticket is resolved: the next third strike asks for a new one. A ticket resolved before its announcement
    /// reached the counter (the announcement was lost) is counted here.
    /// </summary>
    private static void Resolved(PaymentStrikeState saga, SupportTicketResolved resolved, DateTimeOffset now)
    {
        if (resolved.TicketNumber != saga.LastTicketNumber)
        {
            saga.LastTicketNumber = resolved.TicketNumber;
            saga.TicketsOpened++;
        }

        saga.TicketRequested = false;
        saga.RequestedFailures = "[]";
        saga.OpenTicketNumber = null;
        saga.UpdatedAt = now;
    }
}
