using Changxing.Contracts.Ticketing;
using Changxing.Messaging.Bus;
using MassTransit;

namespace Changxing.Ticketing.Tickets;

/// <summary>Compensation after issue: void the e-ticket and free its seat and quota. Idempotent.</summary>
public sealed class VoidTicketConsumer(TicketOffice office) : IConsumer<VoidTicket>
{
    public async Task Consume(ConsumeContext<VoidTicket> context)
    {
        var ticket = await office.VoidAsync(context.Message.RedemptionId, context.CancellationToken);
        await context.ReplyAsync(new TicketVoided(context.Message.RedemptionId, ticket?.TicketNumber));
    }
}
