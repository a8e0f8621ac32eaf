namespace Changxing.ServiceDefaults.Bus;

/// <summary>Configuration section <c>Bus</c>.</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    public BusTransport Transport { get; set; } = BusTransport.RabbitMq;

    /// <summary>Messages fetched ahead per consumer; 16 falls behind under load on this hardware, 100 keeps up (FACTS.md).</summary>
    public int PrefetchCount { get; set; } = 100;

    /// <summary>Immediate redeliveries of a faulting message before it goes to the error queue.</summary>
    public int RetryLimit { get; set; } = 5;
}
