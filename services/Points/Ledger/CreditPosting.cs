using Changxing.Contracts.Points;
using Changxing.Points.Data;
using Changxing.Points.Members;

namespace Changxing.Points.Ledger;

/// <summary>Posts a credit: a new 12-month lot, its statement line, and the member's lifetime total (which may unlock redemption).</summary>
public static class CreditPosting
{
    public static PointsLot Post(PointsDbContext db, PointsMember member, long points, string source, string? ticketNumber, Guid? refundOfRedemptionId, DateOnly today, DateTimeOffset now, string? note = null)
    {
        var lot = new PointsLot(member.MemberId, points, source, ticketNumber, refundOfRedemptionId, today, now);
        db.Lots.Add(lot);
        member.RecordCredit(points, today, now);
        var kind = source switch
        {
            CreditSource.BackRegistration => LedgerEntryKind.BackRegistered,
            CreditSource.Refund => LedgerEntryKind.Refunded,
            _ => LedgerEntryKind.Credited,
        };
        db.Entries.Add(new LedgerEntry(member.MemberId, now, kind, points, lot.LotId, refundOfRedemptionId, ticketNumber, note is { Length: > 200 } ? note[..200] : note));
        return lot;
    }

    public static PointsCredited Event(PointsLot lot, PointsMember member) =>
        new(member.MemberId, lot.LotId, lot.Points, lot.Source, lot.TicketNumber, lot.ExpiresOn, member.LifetimeCredited, lot.CreditedAt);
}
