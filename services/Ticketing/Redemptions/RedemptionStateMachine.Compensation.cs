using Changxing.Contracts.Points;
using Changxing.Contracts.Redemptions;
using Changxing.Contracts.Ticketing;
using MassTransit;

namespace Changxing.Ticketing.Redemptions;

/// <summary>
/// Compensation: what a failed redemption must undo (void the ticket first, then release the seat and the points), the
/// commands that undo it, and the end in Failed once everything is given back.
/// </summary>
public sealed partial class RedemptionStateMachine
{
    /// <summary>What may exist and so must be undone. A step that timed out may have acted without our hearing of it.</summary>
    private static void PlanCompensation(RedemptionState saga, bool pointsMayBeHeld, bool seatMayBeHeld, bool ticketMayExist)
    {
        saga.TicketVoidPending = ticketMayExist;
        saga.SeatReleasePending = seatMayBeHeld;
        saga.PointsReleasePending = pointsMayBeHeld;
    }

    /// <summary>Sends the first compensations and waits for them, or fails at once when nothing was done.</summary>
    /// <remarks>The state is set here rather than by TransitionTo because the target depends on what is pending.</remarks>
    private async Task CompensateOrFail(BehaviorContext<RedemptionState> x)
    {
        var saga = x.Saga;
        if (!saga.TicketVoidPending && !saga.SeatReleasePending && !saga.PointsReleasePending)
        {
            await Finish(x);
            return;
        }

        saga.CurrentState = nameof(Compensating);
        SetDeadline(saga, RedemptionSteps.Compensate, 1, _clock.GetUtcNow() + _options.CompensationRetryInterval);
        Record(x, "CompensationStarted", Pending(saga));
        await (saga.TicketVoidPending
            ? x.Publish(new VoidTicket(saga.CorrelationId, saga.FailureReason!))
            : SendReleases(x));
    }

    private static Task SendReleases(BehaviorContext<RedemptionState> x)
    {
        var saga = x.Saga;
        var sends = new List<Task>(2);
        if (saga.SeatReleasePending)
        {
            sends.Add(x.Publish(new ReleaseSeat(saga.CorrelationId, saga.FailureReason!)));
        }

        if (saga.PointsReleasePending)
        {
            sends.Add(x.Publish(new ReleasePoints(saga.CorrelationId, saga.MemberId, saga.FailureReason!)));
        }

        return Task.WhenAll(sends);
    }

    private Task FailIfCompensated(BehaviorContext<RedemptionState> x) =>
        x.Saga.TicketVoidPending || x.Saga.SeatReleasePending || x.Saga.PointsReleasePending ? Task.CompletedTask : Finish(x);

    private Task Finish(BehaviorContext<RedemptionState> x)
    {
        var saga = x.Saga;
        saga.CurrentState = nameof(Failed);
        SetDeadline(saga, null, 0, null);
        Record(x, "Failed", saga.FailureReason);
        RedemptionWaiters.WakeAfterCommit(x);
        return x.Publish(new RedemptionFailed(saga.CorrelationId, saga.MemberId, saga.FailureReason!,
            saga.FailureDetail ?? string.Empty, saga.IsPaymentFailure, _clock.GetUtcNow()));
    }

    private static void SetDeadline(RedemptionState saga, string? step, int attempt, DateTimeOffset? at)
    {
        saga.DeadlineStep = step;
        saga.DeadlineAttempt = attempt;
        saga.DeadlineAt = at;
    }

    private static string Pending(RedemptionState saga) =>
        string.Join(", ", new[]
        {
            saga.TicketVoidPending ? "void ticket" : null,
            saga.SeatReleasePending ? "release seat" : null,
            saga.PointsReleasePending ? "release points" : null,
        }.Where(s => s is not null));
}
