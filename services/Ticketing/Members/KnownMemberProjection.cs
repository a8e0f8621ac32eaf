using Changxing.Contracts.Membership;
using Changxing.Ticketing.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Members;

/// <summary>
/// Records each activated member, so a window sale for a member id nobody activated is refused without asking
/// Membership. Idempotent: a repeated activation changes nothing (a racing duplicate insert fails and its retry finds the row).
/// Its queue is its own (known-member-projection), beside the other services' consumers of MemberActivated.
/// </summary>
public sealed class KnownMemberProjection(TicketingDbContext db) : IConsumer<MemberActivated>
{
    public async Task Consume(ConsumeContext<MemberActivated> context)
    {
        var activated = context.Message;
        if (await db.KnownMembers.AnyAsync(m => m.MemberId == activated.MemberId, context.CancellationToken))
        {
            return;
        }

        db.KnownMembers.Add(new KnownMember { MemberId = activated.MemberId, ActivatedAt = activated.ActivatedAt });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
