namespace Changxing.Points.Ledger;

public sealed record StatementLine(long Id, DateTimeOffset At, string Kind, long Points, Guid? LotId, Guid? RedemptionId, string? TicketNumber, string? Note);
