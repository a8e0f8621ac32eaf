using MassTransit;

namespace Changxing.Bench.Sagas;

// SentAt is a Stopwatch timestamp taken when the saga asked for the step; the saga measures the step's latency with it.

public sealed record StartBenchSaga(Guid CorrelationId) : CorrelatedBy<Guid>;

public sealed record RunBenchStep(Guid CorrelationId, int Step, long SentAt) : CorrelatedBy<Guid>;

public sealed record BenchStepDone(Guid CorrelationId, int Step, long SentAt) : CorrelatedBy<Guid>;
