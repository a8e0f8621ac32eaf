using MassTransit;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// A state machine whose steps have durable deadlines: derive from this instead of <see cref="MassTransitStateMachine{TInstance}"/>
/// to get the <see cref="StepOverdue"/> event. A deadline event for an instance that no longer exists is discarded, and one
/// that arrives in a state without a <c>When(StepOverdue, ...)</c> is ignored (it can only be a late duplicate there).
/// A derived machine that calls <c>OnUnhandledEvent</c> itself replaces that rule and must keep ignoring <see cref="StepOverdue"/>.
/// </summary>
public abstract class StepDeadlineStateMachine<TSaga> : MassTransitStateMachine<TSaga>
    where TSaga : class, IStepDeadlineSaga
{
    protected StepDeadlineStateMachine()
    {
        Event(() => StepOverdue, e => e.OnMissingInstance(m => m.Discard()));
        OnUnhandledEvent(x => x.Event.Name == StepOverdue.Name ? x.Ignore() : x.Throw());
    }

    /// <summary>The sweeper found the current step overdue.</summary>
    public Event<StepDeadlineExpired<TSaga>> StepOverdue { get; protected set; } = null!;
}
