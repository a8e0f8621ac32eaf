using MassTransit;

namespace Changxing.Bench.Sagas;

/// <summary>Stands in for the service that performs a step (Membership, Points...): answers at once.</summary>
public sealed class BenchStepWorker : IConsumer<RunBenchStep>
{
    public Task Consume(ConsumeContext<RunBenchStep> context) =>
        context.Publish(new BenchStepDone(context.Message.CorrelationId, context.Message.Step, context.Message.SentAt));
}
