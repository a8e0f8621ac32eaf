namespace Changxing.Membership.ConsumptionPassword;

/// <summary>What <see cref="ConsumptionPasswordHasher.Verify"/> found.</summary>
public enum ConsumptionPasswordCheck
{
    Wrong,
    Right,

    /// <summary>Right, but stored under an older scheme or key: store it again with <see cref="ConsumptionPasswordHasher.Hash"/>.</summary>
    RehashNeeded,
}
