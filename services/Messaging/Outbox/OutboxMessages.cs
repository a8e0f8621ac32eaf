using MassTransit;
using MassTransit.Context;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Outbox;

/// <summary>Turns a message on its way to the broker into an <see cref="OutboxMessage"/> row of the current context.</summary>
public static class OutboxMessages
{
    /// <summary>
    /// Adds the message to <paramref name="db"/>'s change tracker; the next SaveChanges stores it, in the caller's
    /// transaction when there is one. The body is serialised now, with the context's serialiser, as the broker would
    /// have received it.
    /// </summary>
    public static Task AddSend<T>(this DbContext db, SendContext<T> context)
        where T : class
    {
        var messageId = context.MessageId ?? throw new MessageException(typeof(T), "A message stored in the outbox needs a MessageId.");
        var now = DateTime.UtcNow;
        var serializer = SystemTextJsonMessageSerializer.Instance;
        var message = new OutboxMessage
        {
            MessageId = messageId,
            ConversationId = context.ConversationId,
            CorrelationId = context.CorrelationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress,
            DestinationAddress = context.DestinationAddress,
            ResponseAddress = context.ResponseAddress,
            FaultAddress = context.FaultAddress,
            SentTime = context.SentTime ?? now,
            ContentType = context.ContentType?.ToString() ?? context.Serialization.DefaultContentType.ToString(),
            MessageType = string.Join(";", context.SupportedMessageTypes),
            Body = context.Serializer.GetMessageBody(context).GetString(),
            Headers = serializer.SerializeDictionary(context.Headers.GetAll()),
            ExpirationTime = context.TimeToLive is { } ttl ? now + ttl : null,
        };

        if (context is TransportSendContext<T> transport)
        {
            var properties = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            transport.WritePropertiesTo(properties);
            message.Properties = serializer.SerializeDictionary(properties);
        }

        // A consumer may publish from parallel tasks; the change tracker is not thread-safe.
        lock (db)
        {
            db.Set<OutboxMessage>().Add(message);
        }

        OutboxDeliverySignal.Added(db, message);
        return Task.CompletedTask;
    }
}
