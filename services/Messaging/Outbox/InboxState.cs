namespace Changxing.Messaging.Outbox;

/// <summary>
/// A message one consumer has applied: stored in the transaction that applied it, so a redelivery of the same message
/// (the broker never saw the acknowledgement, or a second instance received a copy) finds it and is not applied again.
/// Removed after the duplicate-detection window (<see cref="OutboxOptions.DuplicateDetectionWindow"/>).
/// </summary>
public sealed class InboxState
{
    public Guid MessageId { get; set; }

    /// <summary>The receive endpoint that consumed it (one consumer or saga per endpoint here).</summary>
    public string Consumer { get; set; } = null!;

    public DateTime Received { get; set; }
}
