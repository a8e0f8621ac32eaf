using System.Net.Mime;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;
using MassTransit.Context;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// Puts a stored <see cref="OutboxMessage"/> back on the wire as it was stored: its ids, addresses, headers, transport
/// properties and time to live on the send context, and its body byte for byte.
/// </summary>
/// <remarks>
/// Written here rather than taken from MassTransit: its <c>OutboxMessageSendPipe</c> parses the stored body into an
/// envelope and serialises it again, because its outbox may hold bodies of any serialiser. This outbox stores the body
/// its own serialiser wrote for this very send (<see cref="OutboxMessages.AddSend{T}"/>), envelope and all, so the
/// round trip produced the same bytes at a cost: about a third of the delivery's CPU in the profiles
/// (docs/PERFORMANCE.md). Headers the delivery itself adds (its trace activity) travel in the transport's headers,
/// where MassTransit's receive side reads them, not in the stored envelope. The outbox keeps bodies as text
/// (<see cref="OutboxMessages.AddSend{T}"/>), which suits the services' JSON serialiser and no binary one.
/// </remarks>
public sealed class StoredMessageSendPipe(OutboxMessage message) : IPipe<SendContext>
{
    public Task Send(SendContext context)
    {
        OutboxMessageContext stored = message;
        context.MessageId = message.MessageId;
        context.RequestId = message.RequestId;
        context.ConversationId = message.ConversationId;
        context.CorrelationId = message.CorrelationId;
        context.InitiatorId = message.InitiatorId;
        context.SourceAddress = message.SourceAddress;
        context.ResponseAddress = message.ResponseAddress;
        context.FaultAddress = message.FaultAddress;
        context.SupportedMessageTypes = message.MessageType.Split(';');
        if (message.ExpirationTime is { } expires)
        {
            context.TimeToLive = expires - DateTime.UtcNow;
        }

        foreach (var header in stored.Headers.GetAll())
        {
            context.Headers.Set(header.Key, header.Value);
        }

        if (stored.Properties.Count > 0 && context is TransportSendContext transport)
        {
            transport.ReadPropertiesFrom(stored.Properties);
        }

        context.Serializer = new CopyBodySerializer(new ContentType(message.ContentType), new StringMessageBody(message.Body));
        return Task.CompletedTask;
    }

    public void Probe(ProbeContext context)
    {
    }
}
