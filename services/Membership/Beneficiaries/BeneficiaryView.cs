using Changxing.Membership.Accounts;

namespace Changxing.Membership.Beneficiaries;

/// <summary>A beneficiary as a member or reviewer sees it: masked ID, status and the date it becomes (or became) effective.</summary>
public sealed record BeneficiaryView(
    Guid Id, string Name, string IdNumberMasked, BeneficiaryStatus Status, DateTimeOffset SubmittedAt, DateOnly EffectiveOn, string? RejectionReason)
{
    public static BeneficiaryView Of(Beneficiary b, DateOnly today) =>
        new(b.Id, b.Name, ResidentIdNumber.Mask(b.IdNumber), b.StatusOn(today), b.SubmittedAt, b.EffectiveOn, b.RejectionReason);
}
