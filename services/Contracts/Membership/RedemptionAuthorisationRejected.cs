namespace Changxing.Contracts.Membership;

/// <summary>Authorisation refused. <paramref name="EffectiveOn"/> is set when a beneficiary is not yet effective.</summary>
public sealed record RedemptionAuthorisationRejected(Guid RedemptionId, Guid MemberId, string Reason, string Detail, DateOnly? EffectiveOn);
