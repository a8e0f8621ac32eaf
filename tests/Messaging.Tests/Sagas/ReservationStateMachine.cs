using Changxing.Messaging.Sagas;
using MassTransit;

namespace Changxing.Messaging.Tests.Sagas;

public class ReservationStateMachine : StepDeadlineStateMachine<ReservationState>
{
    public const string ReserveSeatStep = "reserve-seat";
    public const int MaxAttempts = 3;
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    public ReservationStateMachine()
    {
        InstanceState(x => x.CurrentState);

        Initially(
            When(Submitted)
                .Then(x => x.Saga.SeatRequests++)
                .Publish(x => new ReserveSeat(x.Saga.CorrelationId, 1))
                .StartStepDeadline(ReserveSeatStep, StepTimeout)
                .TransitionTo(Reserving));

        During(Reserving,
            When(Reserved)
                .ClearStepDeadline()
                .TransitionTo(Confirmed),
            When(StepOverdue, x => x.IsCurrentDeadline() && x.Message.Attempt < MaxAttempts)
                .Then(x => x.Saga.SeatRequests++)
                .Publish(x => new ReserveSeat(x.Saga.CorrelationId, x.Message.Attempt + 1))
                .RestartStepDeadline(StepTimeout),
            When(StepOverdue, x => x.IsCurrentDeadline() && x.Message.Attempt >= MaxAttempts)
                .ClearStepDeadline()
                .Then(x => x.Saga.FailureReason = "reserve-seat timed out")
                .TransitionTo(Failed));
    }

    public State Reserving { get; protected set; } = null!;

    public State Confirmed { get; protected set; } = null!;

    public State Failed { get; protected set; } = null!;

    public Event<SubmitReservation> Submitted { get; protected set; } = null!;

    public Event<SeatReserved> Reserved { get; protected set; } = null!;
}
