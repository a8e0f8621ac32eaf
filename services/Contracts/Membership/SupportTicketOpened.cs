namespace Changxing.Contracts.Membership;

public sealed record SupportTicketOpened(Guid MemberId, Guid TicketId, string TicketNumber, string Keyword, DateTimeOffset OpenedAt);
