using MassTransit;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// The one-line deadline declarations a state machine uses:
/// <c>.StartStepDeadline("reserve-points", StepTimeout)</c> when a step's command is sent,
/// <c>.RestartStepDeadline(StepTimeout)</c> when it is re-sent, <c>.ClearStepDeadline()</c> when the step is answered,
/// and <c>When(StepOverdue, x => x.IsCurrentDeadline() &amp;&amp; x.Message.Attempt &lt; 3)</c> to react.
/// The clock is the scope's <see cref="TimeProvider"/>.
/// </summary>
public static class StepDeadlineActivities
{
    /// <summary>The step is due <paramref name="timeout"/> from now; first attempt.</summary>
    public static EventActivityBinder<TSaga, TMessage> StartStepDeadline<TSaga, TMessage>(
        this EventActivityBinder<TSaga, TMessage> binder, string step, TimeSpan timeout)
        where TSaga : class, IStepDeadlineSaga
        where TMessage : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        return binder.Then(x => x.Saga.StartStep(step, Now(x) + timeout));
    }

    /// <summary>
    /// The same first deadline where no activity can declare it: a saga row written outside the state machine (an API
    /// that stores the row and sends the first step's command itself), or a step an activity starts only on a condition
    /// it computes (the strike counter's ticket request): <paramref name="step"/>, first attempt, due at <paramref name="dueAt"/>.
    /// </summary>
    public static void StartStep(this IStepDeadlineSaga saga, string step, DateTimeOffset dueAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        Set(saga, step, 1, dueAt);
    }

    /// <summary>The current step was re-sent: next attempt, due <paramref name="timeout"/> from now.</summary>
    public static EventActivityBinder<TSaga, TMessage> RestartStepDeadline<TSaga, TMessage>(
        this EventActivityBinder<TSaga, TMessage> binder, TimeSpan timeout)
        where TSaga : class, IStepDeadlineSaga
        where TMessage : class =>
        binder.Then(x => Set(
            x.Saga,
            x.Saga.DeadlineStep ?? throw new InvalidOperationException("RestartStepDeadline needs a step started with StartStepDeadline."),
            x.Saga.DeadlineAttempt + 1,
            Now(x) + timeout));

    /// <summary>The saga waits for nothing any more; a late deadline event for the old step is then ignored.</summary>
    public static EventActivityBinder<TSaga, TMessage> ClearStepDeadline<TSaga, TMessage>(this EventActivityBinder<TSaga, TMessage> binder)
        where TSaga : class, IStepDeadlineSaga
        where TMessage : class =>
        binder.Then(x => Set(x.Saga, null, 0, null));

    /// <summary>True when the expired deadline is the one the saga still waits for (not a duplicate or a stale one).</summary>
    public static bool IsCurrentDeadline<TSaga>(this BehaviorContext<TSaga, StepDeadlineExpired<TSaga>> context)
        where TSaga : class, IStepDeadlineSaga =>
        context.Saga.DeadlineStep == context.Message.Step && context.Saga.DeadlineAttempt == context.Message.Attempt;

    private static void Set(IStepDeadlineSaga saga, string? step, int attempt, DateTimeOffset? dueAt)
    {
        saga.DeadlineStep = step;
        saga.DeadlineAttempt = attempt;
        saga.DeadlineAt = dueAt;
    }

    private static DateTimeOffset Now(ConsumeContext context) => context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow();
}
