namespace Changxing.Web.Beneficiaries;

/// <summary>Membership's beneficiaries (受让人) answer; status is PendingReview, VerifiedWaiting, Effective or Rejected.</summary>
public sealed record BeneficiaryList(IReadOnlyList<Beneficiary> Items, int SlotsUsed, int MaxSlots);

public sealed record Beneficiary(Guid Id, string Name, string IdNumberMasked, string Status, DateTimeOffset SubmittedAt, DateOnly EffectiveOn, string? RejectionReason)
{
    public bool IsEffective => Status == "Effective";

    public string StatusText => Status switch
    {
        "PendingReview" => "待审核 Waiting for review",
        "VerifiedWaiting" => $"已审核，{EffectiveOn:yyyy-MM-dd} 生效 Verified, effective on {EffectiveOn:yyyy-MM-dd}",
        "Effective" => "已生效 Effective",
        "Rejected" => $"未通过 Rejected: {RejectionReason}",
        _ => Status,
    };
}
