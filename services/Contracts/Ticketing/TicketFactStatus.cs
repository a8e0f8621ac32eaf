namespace Changxing.Contracts.Ticketing;

/// <summary>A ticket's state in <see cref="TicketFacts"/>: issued (valid), voided (refunded or cancelled, no trip), or its trip completed.</summary>
public static class TicketFactStatus
{
    public const string Issued = nameof(Issued);
    public const string Voided = nameof(Voided);
    public const string Completed = nameof(Completed);
}
