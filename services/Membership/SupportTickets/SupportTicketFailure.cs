namespace Changxing.Membership.SupportTickets;

/// <summary>A failed payment attached to a ticket so support staff can review it (人工复核).</summary>
public sealed class SupportTicketFailure
{
    public Guid Id { get; set; }

    public Guid TicketId { get; set; }

    public Guid? RedemptionId { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset FailedAt { get; set; }
}
