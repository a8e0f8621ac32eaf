namespace Changxing.Points.Ledger;

/// <summary>Redemption is unlocked once the member's lifetime credited points first reach 10,000 (DESIGN.md 1), and stays unlocked.</summary>
public static class RedemptionThreshold
{
    public const long Points = 10_000;
}
