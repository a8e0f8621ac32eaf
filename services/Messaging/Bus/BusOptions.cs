using System.ComponentModel.DataAnnotations;

namespace Changxing.Messaging.Bus;

/// <summary>Configuration section <c>Bus</c>; the limits are checked at start-up (a zero limit would stall every endpoint).</summary>
public sealed class BusOptions
{
    public const string Section = "Bus";

    public BusTransport Transport { get; set; } = BusTransport.RabbitMq;

    /// <summary>
    /// The queue type of every receive endpoint on RabbitMQ. A queue keeps the type it was declared with: switching an
    /// existing virtual host from Classic to Quorum needs its queues deleted (or a new virtual host) first.
    /// </summary>
    [EnumDataType(typeof(BusQueueType), ErrorMessage = $"{Section}:{nameof(QueueType)} must be Classic or Quorum.")]
    public BusQueueType QueueType { get; set; } = BusQueueType.Classic;

    /// <summary>Database (the default) or, in tests only, InMemory (<see cref="BusOutbox"/>).</summary>
    [EnumDataType(typeof(BusOutbox), ErrorMessage = $"{Section}:{nameof(Outbox)} must be Database or InMemory.")]
    public BusOutbox Outbox { get; set; } = BusOutbox.Database;

    /// <summary>Messages fetched ahead per receive endpoint; 16 fell behind under load on a 2-core machine, 100 kept up (docs/PERFORMANCE.md).</summary>
    [Range(1, int.MaxValue, ErrorMessage = $"{Section}:{nameof(PrefetchCount)} must be at least 1.")]
    public int PrefetchCount { get; set; } = 100;

    /// <summary>
    /// Messages one receive endpoint handles at once. Each holds a database connection while it runs, so this times the
    /// endpoints of a service must stay within its connection pool (Npgsql: 100 by default); beyond a few per core,
    /// more only queue inside the process (on SQLite, behind the single writer) instead of in the broker.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = $"{Section}:{nameof(ConcurrentMessageLimit)} must be at least 1.")]
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>
    /// Retries of a faulting message, with exponential waits (about 150 ms, 250 ms, 450 ms, … up to 15 s), before it
    /// goes to the error queue. The default 8 rides out about 25 s of a database or broker outage: the fault drill's
    /// 10 s PostgreSQL refusal dead-lettered 12 messages with the former 5 (about 3 s), and an event nothing re-sends,
    /// a member's notification for one, would have been lost with them.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = $"{Section}:{nameof(RetryLimit)} must be at least 0.")]
    public int RetryLimit { get; set; } = 8;
}
