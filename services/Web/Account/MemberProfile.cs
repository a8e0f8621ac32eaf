namespace Changxing.Web.Account;

/// <summary>Membership's profile of the caller (<c>GET /api/membership/me</c>), with where their activation stands.</summary>
public sealed record MemberProfile(Guid MemberId, string Name, string IdNumberMasked, string PhoneMasked, DateOnly BirthDate, int Age, ActivationState Activation);

/// <summary>Real-name check, face check (NotSubmitted, Passed, Failed) and the reviewer's decision (AwaitingChecks, Pending, Approved, Rejected).</summary>
public sealed record ActivationState(bool Active, string RealName, string? RealNameReason, string Face, string? FaceReason, string Review, string? ReviewReason, DateTimeOffset? ActivatedAt)
{
    public static string CheckText(string status) => status switch
    {
        "Passed" => "已通过 Passed",
        "Failed" => "未通过 Failed",
        _ => "未提交 Not submitted",
    };

    public string ReviewText => Review switch
    {
        "Pending" => "审核中 Waiting for a reviewer",
        "Approved" => "已通过 Approved",
        "Rejected" => $"未通过 Rejected: {ReviewReason}",
        _ => "待完成认证 After both checks",
    };
}
