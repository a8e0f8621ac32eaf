using Changxing.Messaging.Sagas;

namespace Changxing.Bench.Sagas;

public sealed class BenchSagaState : IStepDeadlineSaga
{
    public Guid CorrelationId { get; set; }

    public string? CurrentState { get; set; }

    public int Step { get; set; }

    public string? DeadlineStep { get; set; }

    public int DeadlineAttempt { get; set; }

    public DateTimeOffset? DeadlineAt { get; set; }
}
