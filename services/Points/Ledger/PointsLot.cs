namespace Changxing.Points.Ledger;

/// <summary>
/// One credit of points with its own validity. Its points are always split as
/// <c>Points = Remaining + Held + Captured + Expired</c>; <c>Remaining</c> is available or frozen depending on the day.
/// </summary>
public sealed class PointsLot
{
    public PointsLot(Guid memberId, long points, string source, string? ticketNumber, Guid? refundOfRedemptionId, DateOnly creditedOn, DateTimeOffset creditedAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        LotId = Guid.NewGuid();
        MemberId = memberId;
        Points = points;
        Remaining = points;
        Source = source;
        TicketNumber = ticketNumber;
        RefundOfRedemptionId = refundOfRedemptionId;
        CreditedOn = creditedOn;
        CreditedAt = creditedAt;
        ExpiresOn = LotPolicy.ExpiresOn(creditedOn);
    }

    public Guid LotId { get; private set; }

    public Guid MemberId { get; private set; }

    public long Points { get; private set; }

    /// <summary>Neither held, captured nor expired: available, or frozen while expiring soon or expired but not yet swept.</summary>
    public long Remaining { get; private set; }

    public long Held { get; private set; }

    public long Captured { get; private set; }

    public long Expired { get; private set; }

    public string Source { get; private set; }

    /// <summary>The credited ticket (trips and back-registrations); unique, so a ticket is never credited twice.</summary>
    public string? TicketNumber { get; private set; }

    /// <summary>The captured redemption this lot redeposits (force-majeure refund); unique, so it happens once.</summary>
    public Guid? RefundOfRedemptionId { get; private set; }

    public DateOnly CreditedOn { get; private set; }

    public DateTimeOffset CreditedAt { get; private set; }

    /// <summary>The first day the lot is expired.</summary>
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>When the expiry job expired the lot; points released onto it afterwards stay expired.</summary>
    public DateTimeOffset? ExpiredAt { get; private set; }

    public bool ExpiringSoonReported { get; private set; }

    /// <summary>
    /// Expired points already told to the member with PointsExpired. Points given back to the lot after it expired
    /// (a release, a reversed capture) raise <see cref="Expired"/> above it, and the expiry job reports the difference.
    /// </summary>
    public long ExpiredReported { get; private set; }

    /// <summary>Expired points the member has not been told about yet.</summary>
    public long UnreportedExpired => Expired - ExpiredReported;

    public void Hold(long points)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        if (points > Remaining)
        {
            throw new InvalidOperationException($"Lot {LotId} has {Remaining} points, cannot hold {points}.");
        }

        Remaining -= points;
        Held += points;
    }

    public void CaptureHeld(long points)
    {
        TakeHeld(points);
        Captured += points;
    }

    /// <summary>
    /// Gives held points back: to the lot's remaining points, or straight to expired when the lot expired meanwhile.
    /// Returns the points that went to expired.
    /// </summary>
    public long ReturnHeld(long points)
    {
        TakeHeld(points);
        return GiveBack(points);
    }

    /// <summary>
    /// Gives captured points back when their redemption was given up after all (the lot's expiry still counts).
    /// Returns the points that went to expired.
    /// </summary>
    public long ReturnCaptured(long points)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        if (points > Captured)
        {
            throw new InvalidOperationException($"Lot {LotId} has {Captured} captured points, cannot give back {points}.");
        }

        Captured -= points;
        return GiveBack(points);
    }

    /// <summary>Expires what remains; returns the points expired now.</summary>
    public long Expire(DateTimeOffset at)
    {
        if (ExpiredAt is not null)
        {
            return 0;
        }

        var points = Remaining;
        Expired += points;
        Remaining = 0;
        ExpiredAt = at;
        return points;
    }

    public void MarkExpiringSoonReported() => ExpiringSoonReported = true;

    /// <summary>Records that a PointsExpired for <paramref name="points"/> of the lot's expired points went out.</summary>
    public void MarkExpiredReported(long points)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);

        // Two job runs racing (two processes) may both report the same points: never count them twice.
        ExpiredReported = Math.Min(Expired, ExpiredReported + points);
    }

    private long GiveBack(long points)
    {
        if (ExpiredAt is null)
        {
            Remaining += points;
            return 0;
        }

        Expired += points;
        return points;
    }

    private void TakeHeld(long points)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        if (points > Held)
        {
            throw new InvalidOperationException($"Lot {LotId} holds {Held} points, cannot settle {points}.");
        }

        Held -= points;
    }
}
