namespace Changxing.SystemHarness.Load;

/// <summary>One entry of a redemption's timeline as the API shows it: the event ("Submitted", "Authorised", "SeatHeld"...) and when.</summary>
public sealed record TimelineMark(string Event, DateTimeOffset At);
