namespace Changxing.Contracts.Ticketing;

/// <summary>Reason: HoldExpired, HoldNotFound.</summary>
public sealed record TicketIssueRejected(Guid RedemptionId, string Reason, string Detail);
