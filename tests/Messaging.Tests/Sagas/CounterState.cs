using MassTransit;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>A saga that counts the increments it received: a lost or doubled update shows in <see cref="Count"/>.</summary>
public sealed class CounterState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string? CurrentState { get; set; }

    public string Label { get; set; } = string.Empty;

    /// <summary>How many initiating messages reached this instance.</summary>
    public int Starts { get; set; }

    public int Count { get; set; }
}
