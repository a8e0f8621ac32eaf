using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Contracts.Redemptions;
using MassTransit;

namespace Changxing.Ticketing.Redemptions.Strikes;

/// <summary>
/// Counts a member's consecutive failed payments: a wrong consumption password, a refused authorisation, points
/// refused (below the threshold, not enough, frozen), a refused capture. A completed redemption ends the run: only
/// failures after the member's last completed redemption count (<see cref="PaymentStrikes.CurrentRun"/>, read from the
/// redemptions table rather than from a RedemptionCompleted delivery to every member's counter). Failures that are
/// not about paying (sold out, not "兑", beneficiary not yet effective) neither count nor reset.
/// The third strike asks Membership for a support ticket with keyword 积分支付异常, one open at a time.
/// </summary>
public sealed class PaymentStrikeStateMachine : MassTransitStateMachine<PaymentStrikeState>
{
    public PaymentStrikeStateMachine(TimeProvider clock)
    {
        InstanceState(x => x.CurrentState);
        Event(() => RedemptionFailed, e => e.CorrelateById(m => m.Message.MemberId));
        Event(() => PasswordRejected, e => e.CorrelateById(m => m.Message.MemberId));
        Event(() => TicketOpened, e => e.CorrelateById(m => m.Message.MemberId));
        Event(() => TicketResolved, e =>
        {
            e.CorrelateById(m => m.Message.MemberId);
            e.OnMissingInstance(m => m.Discard());
        });

        Initially(
            When(RedemptionFailed, x => x.Message.IsPaymentFailure)
                .ThenAsync(x => Strike(x, new PaymentFailure(x.Message.RedemptionId, x.Message.Reason, x.Message.FailedAt)))
                .TransitionTo(Counting),
            When(PasswordRejected)
                .ThenAsync(x => Strike(x, new PaymentFailure(null, WrongPasswordReason(x.Message), x.Message.RejectedAt)))
                .TransitionTo(Counting),
            When(TicketOpened)
                .Then(x => Opened(x.Saga, x.Message))
                .TransitionTo(Counting),
            Ignore(RedemptionFailed, x => !x.Message.IsPaymentFailure));

        During(Counting,
            When(RedemptionFailed, x => x.Message.IsPaymentFailure)
                .ThenAsync(x => Strike(x, new PaymentFailure(x.Message.RedemptionId, x.Message.Reason, x.Message.FailedAt))),
            Ignore(RedemptionFailed, x => !x.Message.IsPaymentFailure),
            When(PasswordRejected)
                .ThenAsync(x => Strike(x, new PaymentFailure(null, WrongPasswordReason(x.Message), x.Message.RejectedAt))),
            When(TicketOpened)
                .Then(x => Opened(x.Saga, x.Message)),
            When(TicketResolved)
                .Then(x =>
                {
                    x.Saga.TicketRequested = false;
                    x.Saga.OpenTicketNumber = null;
                    x.Saga.UpdatedAt = clock.GetUtcNow();
                }));

        async Task Strike(BehaviorContext<PaymentStrikeState> x, PaymentFailure failure)
        {
            var lastCompletedAt = await x.GetServiceOrCreateInstance<ICompletedRedemptions>().LastCompletedAtAsync(x.Saga.CorrelationId, x.CancellationToken);
            var third = PaymentStrikes.Strike(x.Saga, failure, lastCompletedAt, clock.GetUtcNow());
            if (third is null || x.Saga.TicketRequested)
            {
                return;
            }

            x.Saga.TicketRequested = true;
            await x.Publish(new OpenSupportTicket(x.Saga.CorrelationId, OpenSupportTicket.PointsPaymentProblem, third, clock.GetUtcNow()));
        }
    }

    public State Counting { get; private set; } = null!;

    public Event<RedemptionFailed> RedemptionFailed { get; private set; } = null!;
    public Event<PaymentPasswordRejected> PasswordRejected { get; private set; } = null!;
    public Event<SupportTicketOpened> TicketOpened { get; private set; } = null!;
    public Event<SupportTicketResolved> TicketResolved { get; private set; } = null!;

    private static string WrongPasswordReason(PaymentPasswordRejected rejected) =>
        rejected.Locked ? ReasonCodes.ConsumptionPasswordLocked : ReasonCodes.WrongConsumptionPassword;

    private static void Opened(PaymentStrikeState saga, SupportTicketOpened opened)
    {
        saga.TicketRequested = true;
        saga.OpenTicketNumber = opened.TicketNumber;
        saga.TicketsOpened++;
        saga.UpdatedAt = opened.OpenedAt;
    }
}
