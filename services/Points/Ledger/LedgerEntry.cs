namespace Changxing.Points.Ledger;

/// <summary>One line of a member's statement. Append-only; <see cref="Id"/> orders the lines.</summary>
public sealed class LedgerEntry
{
    public LedgerEntry(Guid memberId, DateTimeOffset at, LedgerEntryKind kind, long points, Guid? lotId = null, Guid? redemptionId = null, string? ticketNumber = null, string? note = null)
    {
        MemberId = memberId;
        At = at;
        Kind = kind;
        Points = points;
        LotId = lotId;
        RedemptionId = redemptionId;
        TicketNumber = ticketNumber;
        Note = note;
    }

    public long Id { get; private set; }

    public Guid MemberId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public LedgerEntryKind Kind { get; private set; }

    public long Points { get; private set; }

    public Guid? LotId { get; private set; }

    public Guid? RedemptionId { get; private set; }

    public string? TicketNumber { get; private set; }

    public string? Note { get; private set; }
}
