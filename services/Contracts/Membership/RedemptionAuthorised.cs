namespace Changxing.Contracts.Membership;

/// <summary>
/// The payment was authorised for this passenger. <paramref name="PassengerKey"/> identifies the person
/// (a keyed hash of their ID number, never the number itself) so Ticketing can refuse a second ticket on a run.
/// </summary>
public sealed record RedemptionAuthorised(Guid RedemptionId, Guid MemberId, string PassengerKey, string PassengerName, string PassengerIdMasked);
