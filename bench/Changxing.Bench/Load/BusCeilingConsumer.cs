using MassTransit;

namespace Changxing.Bench.Load;

/// <summary>Counts each ping and its publish→consume latency; does nothing else, so the bus is all that is measured.</summary>
public sealed class BusCeilingConsumer(BusCeilingCounter counter) : IConsumer<BusCeilingPing>
{
    public Task Consume(ConsumeContext<BusCeilingPing> context)
    {
        counter.Record(context.Message.SentAt);
        return Task.CompletedTask;
    }
}
