namespace Changxing.Membership.Beneficiaries;

/// <summary>What a member sees: 待审核, 已核验待生效, 已生效, 未通过.</summary>
public enum BeneficiaryStatus
{
    PendingReview,
    VerifiedWaiting,
    Effective,
    Rejected,
}
