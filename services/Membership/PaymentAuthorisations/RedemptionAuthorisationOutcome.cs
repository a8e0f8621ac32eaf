namespace Changxing.Membership.PaymentAuthorisations;

/// <summary>
/// The answer given to one redemption's <c>AuthoriseRedemption</c>, kept so that a redelivered request gets the
/// same answer (the code is spent by then, so it could not be re-evaluated).
/// </summary>
public sealed class RedemptionAuthorisationOutcome
{
    public Guid RedemptionId { get; set; }

    public Guid MemberId { get; set; }

    public bool Authorised { get; set; }

    /// <summary>A <c>ReasonCodes</c> value when refused.</summary>
    public string? Reason { get; set; }

    public string? Detail { get; set; }

    public DateOnly? EffectiveOn { get; set; }

    public string? PassengerKey { get; set; }

    public string? PassengerName { get; set; }

    public string? PassengerIdMasked { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}
