namespace Changxing.Ticketing.Tickets;

/// <summary>An e-ticket (电子客票): one passenger, one seat, one segment of one run.</summary>
public sealed class Ticket
{
    public required string TicketNumber { get; init; }

    public required Guid HoldId { get; init; }

    public Guid? RedemptionId { get; init; }

    public required Guid MemberId { get; init; }

    public required string PassengerName { get; init; }

    /// <summary>Only a masked ID number is ever stored here (e.g. 1101**********1234).</summary>
    public required string PassengerIdMasked { get; init; }

    public required string TrainNumber { get; init; }

    public required DateOnly TravelDate { get; init; }

    public required string FromStation { get; init; }

    public required string ToStation { get; init; }

    public required DateTimeOffset DepartsAt { get; init; }

    public required DateTimeOffset ArrivesAt { get; init; }

    public required string SeatClass { get; init; }

    public required string Car { get; init; }

    public required string Seat { get; init; }

    public required decimal Fare { get; init; }

    /// <summary><see cref="Contracts.PaymentMethod"/>: Money or Points.</summary>
    public required string PaymentMethod { get; init; }

    public required long PointsPaid { get; init; }

    public TicketStatus Status { get; private set; } = TicketStatus.Issued;

    public required DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset? VoidedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public void Void(DateTimeOffset at)
    {
        if (Status != TicketStatus.Issued)
        {
            throw new InvalidOperationException($"Only an issued ticket can be voided; this one is {Status}.");
        }

        Status = TicketStatus.Voided;
        VoidedAt = at;
    }

    public void Complete(DateTimeOffset at)
    {
        if (Status != TicketStatus.Issued)
        {
            throw new InvalidOperationException($"Only an issued ticket can complete a trip; this one is {Status}.");
        }

        Status = TicketStatus.Completed;
        CompletedAt = at;
    }
}
