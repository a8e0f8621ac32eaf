namespace Changxing.Ticketing.Tickets;

public sealed record TicketOutcome(Ticket? Ticket, string? Reason, string? Detail)
{
    public static TicketOutcome Issued(Ticket ticket) => new(ticket, null, null);

    public static TicketOutcome Rejected(string reason, string detail) => new(null, reason, detail);
}
