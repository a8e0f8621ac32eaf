using MassTransit;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// The consume context a consumer or saga sees inside <see cref="EntityFrameworkOutboxConsumeFilter{TDbContext, TMessage}"/>:
/// everything it sends, publishes or answers becomes an <see cref="OutboxMessage"/> row of the message's transaction
/// instead of going to the broker. MassTransit's outbox proxy does the capturing (and lets a fault skip the outbox,
/// so a message that fails is still reported after its transaction rolled back); this says where to.
/// </summary>
/// <remarks>
/// MassTransit's proxy also carries its package's multi-transaction delivery protocol (consumed, delivered, sequence
/// numbers). Here one transaction holds the inbox entry, the change and the messages, and delivery is
/// <see cref="OutboxDeliveryService{TDbContext}"/>'s, so those members answer "consumed once, nothing left to deliver".
/// </remarks>
public sealed class DbContextOutboxConsumeContext<TMessage>(ConsumeContext<TMessage> context, OutboxConsumeOptions options, IServiceProvider services, DbContext db)
    : OutboxConsumeContextProxy<TMessage>(context, options, services)
    where TMessage : class
{
    public override bool ContinueProcessing { get; set; }

    public override bool IsMessageConsumed => false;

    public override bool IsOutboxDelivered => true;

    public override int ReceiveCount => 1;

    public override long? LastSequenceNumber => null;

    public override Task SetConsumed() => Task.CompletedTask;

    public override Task SetDelivered() => Task.CompletedTask;

    public override Task<List<OutboxMessageContext>> LoadOutboxMessages() => Task.FromResult(new List<OutboxMessageContext>());

    public override Task NotifyOutboxMessageDelivered(OutboxMessageContext message) => Task.CompletedTask;

    public override Task RemoveOutboxMessages() => Task.CompletedTask;

    public override Task AddSend<T>(SendContext<T> context) => db.AddSend(context);
}
