namespace Changxing.Ticketing.Tickets;

public enum TicketStatus
{
    Issued,
    Voided,

    /// <summary>The passenger went through the gates at both ends (recorded by an operator here).</summary>
    Completed,
}
