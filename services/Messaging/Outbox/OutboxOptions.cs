using System.ComponentModel.DataAnnotations;

namespace Changxing.Messaging.Outbox;

/// <summary>Configuration section <c>Outbox</c>: delivery and housekeeping of the transactional outbox, checked at start-up.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>
    /// Whether this instance delivers stored messages to the broker. Every instance does by default; a deployment may
    /// leave delivery to some of them. Stored messages wait, and are not lost, while no instance delivers.
    /// </summary>
    public bool DeliveryEnabled { get; set; } = true;

    /// <summary>
    /// How often the recovery pass reads the table for pending messages older than <see cref="RecoverAfter"/>: what a
    /// crashed process, a killed instance or a full hand-over queue left. Messages committed in this process are handed
    /// to delivery at the commit and never wait for it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = $"{Section}:{nameof(QueryDelay)} must be between 10 ms and an hour.")]
    public TimeSpan QueryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How old a pending message must be before the recovery pass sends it: long enough that the instance that stored
    /// it has sent it by then. A message sent by both reaches its consumers twice, and their inbox drops the copy.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = $"{Section}:{nameof(RecoverAfter)} must be between 0 and an hour.")]
    public TimeSpan RecoverAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a message the broker confirmed may wait to be marked delivered, so that the marks of many hand-overs
    /// share one write: under load a mark per hand-over was a commit (on SQLite an fsync) for every few messages. A
    /// crash in between sends those messages again after the restart, and the receiving inbox drops the copies. Zero
    /// marks each hand-over at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05", ErrorMessage = $"{Section}:{nameof(MarkDelay)} must be between 0 and 5 seconds.")]
    public TimeSpan MarkDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Messages delivered per round trip to the database.</summary>
    [Range(1, 10_000, ErrorMessage = $"{Section}:{nameof(QueryMessageLimit)} must be between 1 and 10000.")]
    public int QueryMessageLimit { get; set; } = 100;

    /// <summary>How long delivered messages stay in the table (for an operator's look) before housekeeping removes them.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = $"{Section}:{nameof(DeliveredRetention)} must be between 0 and 30 days.")]
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a consumer remembers a message it applied (<see cref="InboxState"/>). A redelivery later than this is
    /// caught only by the services' own idempotency records. MassTransit's default.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = $"{Section}:{nameof(DuplicateDetectionWindow)} must be between a minute and 30 days.")]
    public TimeSpan DuplicateDetectionWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often housekeeping removes delivered messages and forgotten inbox entries.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = $"{Section}:{nameof(CleanupInterval)} must be between a second and a day.")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A pending message older than this makes the readiness check report the outbox degraded.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = $"{Section}:{nameof(PendingAgeWarning)} must be between a second and a day.")]
    public TimeSpan PendingAgeWarning { get; set; } = TimeSpan.FromSeconds(30);
}
