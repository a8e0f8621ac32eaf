namespace Changxing.Ticketing.Inventory;

/// <summary>Either the hold (new, or the one an earlier identical request made) or a reason code from <c>ReasonCodes</c>.</summary>
public sealed record HoldOutcome(SeatHold? Hold, string? Reason, string? Detail)
{
    public static HoldOutcome Held(SeatHold hold) => new(hold, null, null);

    public static HoldOutcome Rejected(string reason, string detail) => new(null, reason, detail);
}
