using System.Diagnostics;
using Changxing.Messaging.Sagas;
using MassTransit;

namespace Changxing.Bench.Sagas;

/// <summary>Five steps in a row, each with a durable deadline, like the redemption saga: 6 transitions per saga.</summary>
public class BenchSagaStateMachine : StepDeadlineStateMachine<BenchSagaState>
{
    public const int Steps = 5;
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);

    public BenchSagaStateMachine()
    {
        InstanceState(x => x.CurrentState);

        Initially(
            When(Started)
                .Then(x => x.Saga.Step = 1)
                .Publish(x => new RunBenchStep(x.Saga.CorrelationId, 1, Stopwatch.GetTimestamp()))
                .StartStepDeadline("bench-step", StepTimeout)
                .TransitionTo(Running));

        During(Running,
            When(StepDone, x => x.Message.Step == x.Saga.Step && x.Saga.Step < Steps)
                .Then(x =>
                {
                    x.GetServiceOrCreateInstance<StepLatencies>().Record(x.Saga.CorrelationId, x.Message.Step, x.Message.SentAt);
                    x.Saga.Step++;
                })
                .Publish(x => new RunBenchStep(x.Saga.CorrelationId, x.Saga.Step, Stopwatch.GetTimestamp()))
                .StartStepDeadline("bench-step", StepTimeout),
            When(StepDone, x => x.Message.Step == x.Saga.Step && x.Saga.Step == Steps)
                .Then(x => x.GetServiceOrCreateInstance<StepLatencies>().Record(x.Saga.CorrelationId, x.Message.Step, x.Message.SentAt))
                .ClearStepDeadline()
                .TransitionTo(Completed));
    }

    public State Running { get; protected set; } = null!;

    public State Completed { get; protected set; } = null!;

    public Event<StartBenchSaga> Started { get; protected set; } = null!;

    public Event<BenchStepDone> StepDone { get; protected set; } = null!;
}
