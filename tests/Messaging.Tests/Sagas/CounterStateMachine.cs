using MassTransit;

namespace Changxing.Messaging.Tests.Sagas;

public class CounterStateMachine : MassTransitStateMachine<CounterState>
{
    public CounterStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => StartedEagerly, e => e.InsertOnInitial = true);

        Initially(
            When(Started)
                .Then(x =>
                {
                    x.Saga.Label = x.Message.Label;
                    x.Saga.Starts = 1;
                })
                .If(x => x.Message.CompleteAtOnce, b => b.Publish(x => new AdvanceCounter(x.Saga.CorrelationId)))
                .TransitionTo(Counting),
            When(StartedEagerly)
                .Then(x =>
                {
                    x.Saga.Label = x.Message.Label;
                    x.Saga.Starts = 1;
                })
                .If(x => x.Message.CompleteAtOnce, b => b.Publish(x => new AdvanceCounter(x.Saga.CorrelationId)))
                .TransitionTo(Counting));

        During(Counting,
            When(Started)
                .Then(x => x.Saga.Starts++),
            When(StartedEagerly)
                .Then(x => x.Saga.Starts++),
            When(Incremented)
                .Then(x => x.Saga.Count++)
                .Publish(x => new CounterChanged(x.Saga.CorrelationId, x.Saga.Count))
                .Then(x =>
                {
                    if (x.GetRetryAttempt() < x.Message.FailingAttempts)
                    {
                        throw new InvalidOperationException($"Simulated failure on attempt {x.GetRetryAttempt()}.");
                    }
                }),
            When(Advanced)
                .TransitionTo(Completed));
    }

    public State Counting { get; protected set; } = null!;

    public State Completed { get; protected set; } = null!;

    public Event<StartCounter> Started { get; protected set; } = null!;

    public Event<StartCounterEagerly> StartedEagerly { get; protected set; } = null!;

    public Event<IncrementCounter> Incremented { get; protected set; } = null!;

    public Event<AdvanceCounter> Advanced { get; protected set; } = null!;
}
