using Changxing.Points.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Points.Ledger;

/// <summary>Read side of the ledger: balance and statement.</summary>
public sealed class LedgerReader(PointsDbContext db, BusinessCalendar calendar, LotPolicy policy)
{
    /// <summary>The member's balance today, or null when the member is unknown to the directory.</summary>
    public async Task<PointsBalance?> BalanceAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.MemberId == memberId, cancellationToken);
        if (member is null)
        {
            return null;
        }

        var lots = await db.Lots.AsNoTracking()
            .Where(l => l.MemberId == memberId && (l.Remaining > 0 || l.Held > 0 || l.Captured > 0 || l.Expired > 0))
            .ToListAsync(cancellationToken);
        return PointsBalance.Of(member, lots, calendar.Today, policy);
    }

    public async Task<StatementPage?> StatementAsync(Guid memberId, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!await db.Members.AnyAsync(m => m.MemberId == memberId, cancellationToken))
        {
            return null;
        }

        var entries = db.Entries.AsNoTracking().Where(e => e.MemberId == memberId);
        var total = await entries.CountAsync(cancellationToken);
        var items = await entries
            .OrderByDescending(e => e.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(e => new StatementLine(e.Id, e.At, e.Kind.ToString(), e.Points, e.LotId, e.RedemptionId, e.TicketNumber, e.Note))
            .ToListAsync(cancellationToken);
        return new StatementPage(page, pageSize, total, items);
    }
}
