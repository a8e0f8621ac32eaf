using Changxing.Contracts.Membership;
using Changxing.Membership.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.SupportTickets;

/// <summary>
/// Opens a support ticket (客服工单) with a number and the recent failures, and publishes <see cref="SupportTicketOpened"/>.
/// A member has at most one open ticket per keyword: a second command (or a redelivery) attaches its failures to
/// the open ticket and publishes nothing. A number clash between concurrent openings is retried by the bus.
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
        var open = await db.SupportTickets.Include(t => t.Failures).SingleOrDefaultAsync(t => t.OpenKey == openKey, cancellationToken);
        if (open is not null)
        {
            if (open.Attach(failures) > 0)
            {
                await db.SaveChangesAsync(cancellationToken);
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

        await context.Publish(new SupportTicketOpened(ticket.MemberId, ticket.Id, ticket.Number, ticket.Keyword, ticket.OpenedAt), cancellationToken);
    }
}
