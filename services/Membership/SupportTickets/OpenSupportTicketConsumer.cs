using Changxing.Contracts.Membership;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Time;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.SupportTickets;

/// <summary>
/// Opens a support ticket (客服工单) with a number and the recent failures, and answers with
/// <see cref="SupportTicketOpened"/>. A member has at most one open ticket per keyword: a second command (a
/// redelivery, or Ticketing's strike counter asking again because no answer reached it) attaches its failures to the
/// open ticket and answers with that ticket again. The answer is idempotent for its consumers: the strike counter
/// counts a ticket number once, the member's inbox keeps one notice per ticket. A number clash between concurrent
/// openings is retried by the bus.
/// <para>
/// In the service the command is consumed in one transaction with the database outbox, so the ticket and the answer
/// are stored together and the answer leaves after the commit. Without it (the consumer-logic test harness) a publish
/// that fails after the save fails the command, and its retry answers with the ticket the first attempt saved.
/// </para>
/// </summary>
public sealed class OpenSupportTicketConsumer(MembershipDbContext db, TimeProvider clock) : IConsumer<OpenSupportTicket>
{
    public async Task Consume(ConsumeContext<OpenSupportTicket> context)
    {
        var command = context.Message;
        var keyword = string.IsNullOrWhiteSpace(command.Keyword) ? OpenSupportTicket.PointsPaymentProblem : command.Keyword.Trim();
        var failures = (command.RecentFailures ?? []).Select(f => (f.RedemptionId, f.Reason, f.FailedAt)).ToList();
        var cancellationToken = context.CancellationToken;

        var openKey = SupportTicket.OpenKeyFor(command.MemberId, keyword);
        var ticket = await db.SupportTickets.Include(t => t.Failures).SingleOrDefaultAsync(t => t.OpenKey == openKey, cancellationToken);
        if (ticket is null)
        {
            var now = clock.GetUtcNow();
            var day = ChinaCalendar.DateOf(now);
            var prefix = TicketNumber.DayPrefix(day);
            var today = await db.SupportTickets.CountAsync(t => t.Number.StartsWith(prefix), cancellationToken);
            ticket = SupportTicket.Open(Guid.CreateVersion7(now), TicketNumber.Format(day, today + 1), command.MemberId, keyword, now);
            db.SupportTickets.Add(ticket);
        }

        ticket.Attach(failures);
        await db.SaveChangesAsync(cancellationToken);
        await context.Publish(new SupportTicketOpened(ticket.MemberId, ticket.Id, ticket.Number, ticket.Keyword, ticket.OpenedAt), cancellationToken);
    }
}
