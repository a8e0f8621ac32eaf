namespace Changxing.Messaging.Bus;

public enum BusTransport
{
    /// <summary>The real broker; the default everywhere.</summary>
    RabbitMq,

    /// <summary>In-process transport, for harness and API tests only.</summary>
    InMemory,
}
