using Changxing.Contracts.Membership;
using Changxing.Membership.Accounts;
using Changxing.Membership.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.Activation;

/// <summary>
/// Publishes <see cref="MemberActivated"/> for a member whose activation is saved, then records that it did.
/// A crash between the two leaves the member unannounced, and the sweep publishes it again: at least once,
/// and consumers are idempotent by member id.
/// </summary>
public sealed class ActivationAnnouncer(MembershipDbContext db, IPublishEndpoint publisher, TimeProvider clock)
{
    public async Task AnnounceAsync(Member member, CancellationToken cancellationToken)
    {
        if (member.ActivatedAt is not { } activatedAt || member.ActivationAnnouncedAt is not null)
        {
            return;
        }

        await publisher.Publish(new MemberActivated(member.Id, member.Name, member.BirthDate, activatedAt), cancellationToken);
        member.MarkActivationAnnounced(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> AnnounceOutstandingAsync(CancellationToken cancellationToken)
    {
        var members = await db.Members.Where(m => m.ActivatedAt != null && m.ActivationAnnouncedAt == null).OrderBy(m => m.Id).Take(500).ToListAsync(cancellationToken);
        foreach (var member in members)
        {
            await AnnounceAsync(member, cancellationToken);
        }

        return members.Count;
    }
}
