using Changxing.Contracts.Membership;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.SupportTickets;

/// <summary>
/// Opens a support ticket (客服工单) with a number and the recent failures, and publishes <see cref="SupportTicketOpened"/>.
/// A member has at most one open ticket per keyword: a second command (or a redelivery) attaches its failures to
/// the open ticket. A number clash between concurrent openings is retried by the bus.
/// <para>
/// In the service the command is consumed in one transaction with the database outbox: the ticket, its announced mark
/// and the event are stored together, and the event leaves after the commit, exactly once.
/// </para>
/// <para>
/// Without the database outbox (the consumer-logic test harness keeps MassTransit's in-memory one) the event is
/// published straight to the bus by the command that claims the announcement (a conditional update of the ticket's
/// mark): a publish that fails gives the claim back, and the retried or redelivered command publishes it then; a
/// command that finds it claimed does not, so no two commands announce the ticket (Ticketing counts the openings).
/// </para>
/// </summary>
public sealed class OpenSupportTicketConsumer(MembershipDbContext db, IBus bus, TimeProvider clock) : IConsumer<OpenSupportTicket>
{
    public async Task Consume(ConsumeContext<OpenSupportTicket> context)
    {
        var command = context.Message;
        var keyword = string.IsNullOrWhiteSpace(command.Keyword) ? OpenSupportTicket.PointsPaymentProblem : command.Keyword.Trim();
        var failures = (command.RecentFailures ?? []).Select(f => (f.RedemptionId, f.Reason, f.FailedAt)).ToList();
        var cancellationToken = context.CancellationToken;

        var openKey = SupportTicket.OpenKeyFor(command.MemberId, keyword);
        var open = await db.SupportTickets.Include(t => t.Failures).SingleOrDefaultAsync(t => t.OpenKey == openKey, cancellationToken);
        if (open is not null)
        {
            if (open.Attach(failures) > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            if (open.OpenedAnnouncedAt is null)
            {
                await AnnounceAsync(open, context);
            }

            return;
        }

        var now = clock.GetUtcNow();
        var day = ChinaCalendar.DateOf(now);
        var prefix = TicketNumber.DayPrefix(day);
        var today = await db.SupportTickets.CountAsync(t => t.Number.StartsWith(prefix), cancellationToken);
        var ticket = SupportTicket.Open(Guid.CreateVersion7(now), TicketNumber.Format(day, today + 1), command.MemberId, keyword, now);
        ticket.Attach(failures);
        db.SupportTickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        await AnnounceAsync(ticket, context);
    }

    private async Task AnnounceAsync(SupportTicket ticket, ConsumeContext<OpenSupportTicket> context)
    {
        var opened = new SupportTicketOpened(ticket.MemberId, ticket.Id, ticket.Number, ticket.Keyword, ticket.OpenedAt);
        if (db.Database.CurrentTransaction is not null)
        {
            // Inside the outbox's transaction: the consume context stores the event with the ticket and its mark.
            await context.Publish(opened, published => Correlate(published, context), context.CancellationToken);
            ticket.MarkOpenedAnnounced(clock.GetUtcNow());
            await db.SaveChangesAsync(context.CancellationToken);
            return;
        }

        // Straight to the bus: claim the announcement first, so of two commands that both find the ticket unannounced
        // (a retry after losing the race to open it, while the winner's publish is in flight) exactly one publishes.
        // A publish that fails gives the claim back for the retry or redelivery.
        var claimed = await db.SupportTickets.Where(t => t.Id == ticket.Id && t.OpenedAnnouncedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.OpenedAnnouncedAt, clock.GetUtcNow()), context.CancellationToken);
        if (claimed == 0)
        {
            return;
        }

        try
        {
            await bus.Publish(opened, published => Correlate(published, context), context.CancellationToken);
        }
        catch
        {
            await db.SupportTickets.Where(t => t.Id == ticket.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.OpenedAnnouncedAt, (DateTimeOffset?)null), CancellationToken.None);
            throw;
        }
    }

    private static void Correlate(PublishContext published, ConsumeContext context)
    {
        published.ConversationId = context.ConversationId;
        published.InitiatorId = context.MessageId;
    }
}
