namespace Changxing.Membership.Activation;

/// <summary>The reviewer's decision (审核). A member waits for review once both checks passed.</summary>
public enum ReviewStatus
{
    AwaitingChecks,
    Pending,
    Approved,
    Rejected,
}
