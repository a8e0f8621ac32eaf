using MassTransit;

namespace Changxing.ServiceDefaults.Tests.Telemetry;

public sealed class TelemetryPingConsumer(TelemetryPingReceived received) : IConsumer<TelemetryPing>
{
    public Task Consume(ConsumeContext<TelemetryPing> context)
    {
        received.Signal.TrySetResult(context.Message.Id);
        return Task.CompletedTask;
    }
}
