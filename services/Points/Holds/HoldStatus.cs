namespace Changxing.Points.Holds;

public enum HoldStatus
{
    /// <summary>Points set aside for a redemption in progress.</summary>
    Held,

    /// <summary>Final: the points paid the ticket.</summary>
    Captured,

    /// <summary>Given back to their lots on the saga's request.</summary>
    Released,

    /// <summary>Given back by the sweeper because neither capture nor release came in time.</summary>
    Expired,

    /// <summary>
    /// Captured, then given back: the redemption gave up on a capture it never heard answered (the step timed out and
    /// the ticket was voided), so the points it took return to their lots.
    /// </summary>
    CaptureReversed,
}
