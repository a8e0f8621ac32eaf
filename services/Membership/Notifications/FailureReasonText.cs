using Changxing.Contracts;

namespace Changxing.Membership.Notifications;

/// <summary>The failures the article names, as a member reads them (Chinese, English).</summary>
public static class FailureReasonText
{
    private static readonly Dictionary<string, (string Zh, string En)> Texts = new(StringComparer.Ordinal)
    {
        [ReasonCodes.BelowRedemptionThreshold] = ("累计积分未达10000分", "lifetime points have not reached 10,000"),
        [ReasonCodes.InsufficientAvailablePoints] = ("可用积分不足(即将过期或已过期的积分已冻结)", "not enough available points (expiring or expired points are frozen)"),
        [ReasonCodes.BeneficiaryNotVerified] = ("受让人未核验", "the beneficiary is not verified"),
        [ReasonCodes.BeneficiaryNotYetEffective] = ("受让人尚未生效(核验需60天)", "the beneficiary is not effective yet (60 days after submission)"),
        [ReasonCodes.BeneficiaryUnknown] = ("受让人不存在", "unknown beneficiary"),
        [ReasonCodes.NotRedeemable] = ("该车次、日期或席别不支持积分兑换", "this train, date or seat class cannot be paid with points"),
        [ReasonCodes.RoundTripNotAllowed] = ("往返票不支持积分支付", "round trips cannot be paid with points"),
        [ReasonCodes.WrongConsumptionPassword] = ("消费密码错误", "wrong consumption password"),
        [ReasonCodes.ConsumptionPasswordLocked] = ("消费密码已锁定", "the consumption password is locked"),
        [ReasonCodes.MemberNotActive] = ("会员未激活", "the membership is not active"),
        [ReasonCodes.AuthorisationInvalid] = ("支付授权无效", "the payment authorisation is invalid"),
        [ReasonCodes.AuthorisationUsed] = ("支付授权已使用", "the payment authorisation was already used"),
        [ReasonCodes.AuthorisationExpired] = ("支付授权已过期", "the payment authorisation expired"),
        [ReasonCodes.QuotaExhausted] = ("积分兑换名额已满", "the points quota for this train is used up"),
        [ReasonCodes.SoldOut] = ("余票不足", "no seats left"),
        [ReasonCodes.PassengerAlreadyHasTicket] = ("该乘车人已有本次列车车票", "the passenger already holds a ticket on this train"),
        [ReasonCodes.SystemError] = ("系统繁忙,重试后仍失败", "a system error persisted after retries"),
        [ReasonCodes.StepTimedOut] = ("系统处理超时", "the system did not answer in time"),
    };

    public static (string Zh, string En) For(string reason, string detail) =>
        Texts.TryGetValue(reason, out var text) ? text : ("支付失败", string.IsNullOrWhiteSpace(detail) ? reason : detail);
}
