namespace Changxing.Points.Ledger;

/// <summary>What a statement line records.</summary>
public enum LedgerEntryKind
{
    /// <summary>A completed trip earned a lot.</summary>
    Credited,

    /// <summary>An operator back-registered (补登) a missing trip.</summary>
    BackRegistered,

    /// <summary>A captured redemption was redeposited as a fresh lot (force majeure).</summary>
    Refunded,

    /// <summary>Points were held for a redemption.</summary>
    Held,

    /// <summary>A hold became final: the points paid a ticket.</summary>
    Captured,

    /// <summary>A hold was given back to its lots.</summary>
    Released,

    /// <summary>Captured points went back to their lots because the redemption was given up (its capture timed out).</summary>
    CaptureReversed,

    /// <summary>The sweeper gave back a hold that was neither captured nor released in time.</summary>
    HoldExpired,

    /// <summary>A lot reached its expiry day with points left, or held or captured points came back to a lot that had expired meanwhile.</summary>
    Expired,
}
