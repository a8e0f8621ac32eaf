using MassTransit;
using MassTransit.Metadata;
using MassTransit.Middleware;
using MassTransit.Serialization;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// One message a consumer, a saga transition, an endpoint or a job sent or published, stored in the same transaction
/// as the change that produced it and delivered to the broker after the commit (<see cref="OutboxDeliveryService{TDbContext}"/>).
/// The columns are MassTransit's own outbox message's, so the stored message goes back on the wire exactly as it was
/// sent: same message id, headers, addresses and body.
/// </summary>
public sealed class OutboxMessage : OutboxMessageContext
{
    private static readonly IReadOnlyDictionary<string, object> NoProperties = new Dictionary<string, object>();

    private Headers? _headers;
    private IReadOnlyDictionary<string, object>? _properties;

    /// <summary>The order of storage; delivery takes the oldest first.</summary>
    public long SequenceNumber { get; set; }

    public Guid MessageId { get; set; }

    /// <summary>When the message was sent; the age of a pending message counts from here.</summary>
    public DateTime SentTime { get; set; }

    /// <summary>When the broker confirmed it; null while pending. Delivered rows are removed after a retention time.</summary>
    public DateTime? Delivered { get; set; }

    public string ContentType { get; set; } = null!;

    public string MessageType { get; set; } = null!;

    public string Body { get; set; } = null!;

    public string? Headers { get; set; }

    /// <summary>Transport properties (routing key, persistence) as JSON.</summary>
    public string? Properties { get; set; }

    public Guid? ConversationId { get; set; }

    public Guid? CorrelationId { get; set; }

    public Guid? InitiatorId { get; set; }

    public Guid? RequestId { get; set; }

    public Uri? SourceAddress { get; set; }

    public Uri? DestinationAddress { get; set; }

    public Uri? ResponseAddress { get; set; }

    public Uri? FaultAddress { get; set; }

    public DateTime? ExpirationTime { get; set; }

    Guid? MessageContext.MessageId => MessageId;

    DateTime? MessageContext.SentTime => SentTime;

    Headers MessageContext.Headers => _headers ?? EmptyHeaders.Instance;

    HostInfo MessageContext.Host => HostMetadataCache.Host;

    IReadOnlyDictionary<string, object> OutboxMessageContext.Properties => _properties ?? NoProperties;

    /// <summary>Reads the stored headers and properties back, before the message is sent again.</summary>
    public void Deserialize(IObjectDeserializer deserializer)
    {
        _headers = deserializer.DeserializeDictionary<object?>(Headers) is { } headers ? new DictionarySendHeaders(headers) : EmptyHeaders.Instance;
        _properties = deserializer.DeserializeDictionary<object>(Properties) ?? NoProperties;
    }
}
