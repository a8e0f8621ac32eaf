using Changxing.Messaging.Data;
using Changxing.Membership.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.Notifications;

/// <summary>Adds a message to a member's inbox once per source event, then pushes it to the member's open streams.</summary>
public sealed class NotificationInbox(MembershipDbContext db, NotificationStream stream, TimeProvider clock)
{
    /// <returns>False when the source event was already turned into a message (a redelivery).</returns>
    public async Task<bool> AddAsync(Guid memberId, string sourceKey, NotificationMessage message, CancellationToken cancellationToken)
    {
        if (await db.Notifications.AnyAsync(n => n.SourceKey == sourceKey, cancellationToken))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(now),
            MemberId = memberId,
            SourceKey = sourceKey,
            Kind = message.Kind,
            TitleZh = message.TitleZh,
            TitleEn = message.TitleEn,
            BodyZh = message.BodyZh,
            BodyEn = message.BodyEn,
            CreatedAt = now,
        };
        db.Notifications.Add(notification);

        // Inside a consumed message's transaction the lost race must not abort it (PostgreSQL would).
        using var savepoints = AutoSavepoints.On(db);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueKeyViolation.Matches(e))
        {
            // A concurrent redelivery stored it first.
            db.Entry(notification).State = EntityState.Detached;
            return false;
        }

        stream.Push(memberId, NotificationView.Of(notification));
        return true;
    }
}
