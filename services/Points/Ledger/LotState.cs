namespace Changxing.Points.Ledger;

public enum LotState
{
    /// <summary>Within its validity and outside the expiring-soon window.</summary>
    Usable,

    /// <summary>In the last days before expiry (即将过期); frozen unless the policy says otherwise.</summary>
    ExpiringSoon,

    /// <summary>On or after its expiry day: can never pay again.</summary>
    Expired,
}
