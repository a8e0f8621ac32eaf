using Changxing.Contracts.Ticketing;
using Changxing.Messaging.Bus;
using Changxing.Ticketing.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Tickets;

/// <summary>
/// Answers <see cref="GetTicketFacts"/> from Ticketing's own tickets (read-only): Points credits a back-registration
/// (补登) from these facts, never from what an operator typed. A number that is not a ticket number is not found.
/// </summary>
public sealed class TicketFactsConsumer(TicketingDbContext db) : IConsumer<GetTicketFacts>
{
    public async Task Consume(ConsumeContext<GetTicketFacts> context)
    {
        var number = TicketNumberFormat.Normalise(context.Message.TicketNumber);
        var ticket = number is null
            ? null
            : await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.TicketNumber == number, context.CancellationToken);
        if (ticket is null)
        {
            await context.ReplyAsync(new TicketNotFound(context.Message.TicketNumber));
            return;
        }

        await context.ReplyAsync(new TicketFacts(
            ticket.TicketNumber,
            ticket.MemberId,
            ticket.PaymentMethod,
            ticket.Fare,
            ticket.TravelDate,
            ticket.DepartsAt,
            ticket.Status switch
            {
                TicketStatus.Voided => TicketFactStatus.Voided,
                TicketStatus.Completed => TicketFactStatus.Completed,
                _ => TicketFactStatus.Issued,
            }));
    }
}
