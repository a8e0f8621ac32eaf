using MassTransit;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// Saga state whose current step has a durable deadline. The columns live in the saga's own row, so a deadline
/// survives a restart; <see cref="StepDeadlineJob{TSaga,TDbContext}"/> sends <see cref="StepDeadlineExpired{TSaga}"/>
/// once the clock passes <see cref="DeadlineAt"/>, and again every <see cref="StepDeadlineOptions.ResignalAfter"/> until
/// the saga restarts or clears the deadline. Set these through the state machine's deadline activities
/// (<see cref="StepDeadlineActivities"/>), or <see cref="StepDeadlineActivities.StartStep"/> for a row stored outside the
/// machine or a step started on a computed condition, not by hand.
/// </summary>
public interface IStepDeadlineSaga : SagaStateMachineInstance
{
    /// <summary>The step that is due; null when the saga waits for nothing.</summary>
    string? DeadlineStep { get; set; }

    /// <summary>1 for the first try of <see cref="DeadlineStep"/>, incremented each time the step is re-sent.</summary>
    int DeadlineAttempt { get; set; }

    /// <summary>
    /// When the step is overdue, or, once the sweeper has signalled it, when it signals it again
    /// (<see cref="StepDeadlineOptions.ResignalAfter"/> later); null when no deadline is set.
    /// </summary>
    DateTimeOffset? DeadlineAt { get; set; }
}
