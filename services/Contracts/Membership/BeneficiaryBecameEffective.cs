namespace Changxing.Contracts.Membership;

/// <summary>A verified beneficiary (受让人) reached the end of their 60-day waiting period.</summary>
public sealed record BeneficiaryBecameEffective(Guid MemberId, Guid BeneficiaryId, string BeneficiaryName, DateOnly EffectiveOn);
