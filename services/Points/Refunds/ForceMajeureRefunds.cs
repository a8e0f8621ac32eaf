using Changxing.Points.Data;
using Changxing.Points.Holds;
using Changxing.Points.Ledger;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Points.Refunds;

/// <summary>
/// Force majeure (the public 12306 rule): an operator redeposits a captured redemption's points in full as a fresh lot,
/// valid 12 months from today. Once per redemption (the lot's unique RefundOfRedemptionId). The credit's event is
/// published in the credit's transaction, so the outbox stores both or neither.
/// </summary>
public sealed class ForceMajeureRefunds(PointsDbContext db, MemberTransactions transactions, BusinessCalendar calendar, IPublishEndpoint publish)
{
    public async Task<RefundOutcome> RefundAsync(Guid redemptionId, string? reason, CancellationToken cancellationToken)
    {
        var memberId = await db.Holds.AsNoTracking()
            .Where(h => h.RedemptionId == redemptionId)
            .Select(h => (Guid?)h.MemberId)
            .SingleOrDefaultAsync(cancellationToken);
        if (memberId is null)
        {
            return new RefundOutcome(RefundStatus.HoldNotFound);
        }

        return await transactions.RunAsync(memberId.Value, async member =>
        {
            var hold = await db.Holds.AsNoTracking().SingleAsync(h => h.RedemptionId == redemptionId, cancellationToken);
            if (hold.Status != HoldStatus.Captured || member is null)
            {
                return new RefundOutcome(RefundStatus.NotCaptured);
            }

            var earlier = await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.RefundOfRedemptionId == redemptionId, cancellationToken);
            if (earlier is not null)
            {
                return new RefundOutcome(RefundStatus.AlreadyRefunded, CreditPosting.Event(earlier, member));
            }

            var lot = CreditPosting.Post(db, member, hold.Points, CreditSource.Refund, null, redemptionId, calendar.Today, calendar.Now, reason);
            var credited = CreditPosting.Event(lot, member);
            await publish.Publish(credited, cancellationToken);
            return new RefundOutcome(RefundStatus.Refunded, credited);
        }, cancellationToken);
    }
}
