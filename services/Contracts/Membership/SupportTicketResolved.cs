namespace Changxing.Contracts.Membership;

public sealed record SupportTicketResolved(Guid MemberId, Guid TicketId, string TicketNumber, DateTimeOffset ResolvedAt);
