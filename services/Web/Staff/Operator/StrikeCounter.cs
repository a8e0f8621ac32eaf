namespace Changxing.Web.Staff.Operator;

/// <summary>A member's consecutive failed payments (<c>GET /api/redemptions/strikes/{memberId}</c>); the third opens a support ticket.</summary>
public sealed record StrikeCounter(Guid MemberId, int ConsecutiveFailures, int StrikesBeforeSupportTicket, bool SupportTicketOpen, string? OpenTicketNumber, int TicketsOpened);
