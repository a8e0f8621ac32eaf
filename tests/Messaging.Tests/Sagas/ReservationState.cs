using Changxing.Messaging.Sagas;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>A one-step saga with a durable deadline, shaped like a redemption step: re-sent up to three times, then failed.</summary>
public sealed class ReservationState : IStepDeadlineSaga
{
    public Guid CorrelationId { get; set; }

    public string? CurrentState { get; set; }

    public int SeatRequests { get; set; }

    public string? FailureReason { get; set; }

    public string? DeadlineStep { get; set; }

    public int DeadlineAttempt { get; set; }

    public DateTimeOffset? DeadlineAt { get; set; }
}
