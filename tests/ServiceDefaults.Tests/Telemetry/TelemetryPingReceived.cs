namespace Changxing.ServiceDefaults.Tests.Telemetry;

/// <summary>Completes when the consumer has the ping.</summary>
public sealed class TelemetryPingReceived
{
    public TaskCompletionSource<Guid> Signal { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
