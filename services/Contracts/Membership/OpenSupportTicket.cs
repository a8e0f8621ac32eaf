namespace Changxing.Contracts.Membership;

/// <summary>Open a support ticket (客服工单) for a member, e.g. after three consecutive failed payments.</summary>
public sealed record OpenSupportTicket(Guid MemberId, string Keyword, IReadOnlyList<PaymentFailure> RecentFailures, DateTimeOffset RequestedAt)
{
    /// <summary>The keyword the article tells members to send: 积分支付异常 ("points payment problem").</summary>
    public const string PointsPaymentProblem = "积分支付异常";
}
