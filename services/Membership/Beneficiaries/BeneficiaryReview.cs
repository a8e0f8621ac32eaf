namespace Changxing.Membership.Beneficiaries;

/// <summary>The stored review state; <see cref="BeneficiaryStatus"/> adds the date to it.</summary>
public enum BeneficiaryReview
{
    PendingReview,
    Verified,
    Rejected,
}
