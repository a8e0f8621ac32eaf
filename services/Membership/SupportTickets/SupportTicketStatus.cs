namespace Changxing.Membership.SupportTickets;

public enum SupportTicketStatus
{
    Open,
    Resolved,
}
