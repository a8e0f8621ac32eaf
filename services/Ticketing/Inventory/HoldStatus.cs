namespace Changxing.Ticketing.Inventory;

public enum HoldStatus
{
    /// <summary>The seat is taken for the segment until the hold expires.</summary>
    Held,

    /// <summary>An e-ticket was issued on it; it no longer expires.</summary>
    Ticketed,

    /// <summary>Released on request; the seat and quota are free again.</summary>
    Released,

    /// <summary>Released by the sweeper after its time ran out.</summary>
    Expired,

    /// <summary>Its ticket was voided; the seat and quota are free again.</summary>
    Voided,
}
