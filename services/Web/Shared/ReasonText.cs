namespace Changxing.Web.Shared;

/// <summary>The API's reason codes in plain words, Chinese first with English beside it.</summary>
public static class ReasonText
{
    private static readonly Dictionary<string, (string Zh, string En)> Words = new(StringComparer.Ordinal)
    {
        ["InvalidCredentials"] = ("手机号或密码不正确", "The phone number or password is wrong"),
        ["InvalidResidentIdNumber"] = ("身份证号码无效", "The ID number is not valid"),
        ["RealNameMismatch"] = ("姓名与证件号不符", "The name does not match the ID number"),
        ["RealNameNotVerified"] = ("请先完成实名认证", "Verify your real name first"),
        ["FaceNotMatched"] = ("人脸识别未通过", "The face check did not pass"),
        ["UploadRejected"] = ("文件不被接受", "The file was not accepted"),
        ["TrivialConsumptionPassword"] = ("消费密码过于简单", "The consumption password is too simple"),
        ["ConsumptionPasswordAlreadySet"] = ("消费密码已设置", "The consumption password is already set"),
        ["ConsumptionPasswordNotSet"] = ("尚未设置消费密码", "No consumption password is set yet"),
        ["WrongConsumptionPassword"] = ("消费密码错误", "Wrong consumption password"),
        ["ConsumptionPasswordLocked"] = ("消费密码已锁定", "The consumption password is locked"),
        ["ConcurrentAttempt"] = ("另一次尝试正在进行，请重试", "Another attempt was under way; try again"),
        ["MemberNotActive"] = ("会员尚未激活", "The membership is not active yet"),
        ["AuthorisationInvalid"] = ("支付授权无效", "The payment authorisation is not valid"),
        ["AuthorisationUsed"] = ("支付授权已使用", "The payment authorisation was already used"),
        ["AuthorisationExpired"] = ("支付授权已过期", "The payment authorisation expired"),
        ["BeneficiaryUnknown"] = ("受让人不存在", "Unknown beneficiary"),
        ["BeneficiaryNotVerified"] = ("受让人尚未通过审核", "The beneficiary is not verified yet"),
        ["BeneficiaryNotYetEffective"] = ("受让人尚未生效（60天）", "The beneficiary is not effective yet (60 days)"),
        ["BeneficiaryLimitReached"] = ("受让人已达8人上限", "You already have 8 beneficiaries"),
        ["BeneficiaryAlreadyAdded"] = ("该受让人已添加", "This beneficiary was already added"),
        ["BelowRedemptionThreshold"] = ("累计积分未满10,000，暂不能兑换", "Redemption opens once 10,000 points have been earned"),
        ["InsufficientAvailablePoints"] = ("可用积分不足", "Not enough available points"),
        ["NotRedeemable"] = ("该席别不可兑换", "This class cannot be paid with points"),
        ["QuotaExhausted"] = ("兑换名额已满", "No redemption seats are left"),
        ["SoldOut"] = ("余票不足", "Sold out"),
        ["PassengerAlreadyHasTicket"] = ("该乘客已有此车次车票", "This passenger already has a ticket on this train"),
        ["RoundTripNotAllowed"] = ("往返票不能用积分兑换", "Return trips cannot be paid with points"),
        ["UnknownStation"] = ("车站不存在", "Unknown station"),
        ["UnknownTrain"] = ("车次不存在", "Unknown train"),
        ["HoldExpired"] = ("座位保留已超时", "The seat hold ran out"),
        ["HoldNotFound"] = ("保留已不存在", "The hold no longer exists"),
        ["HoldAlreadyReleased"] = ("保留已释放", "The hold was already released"),
        ["CaptureRefused"] = ("扣除积分被拒绝", "Taking the points was refused"),
        ["StepTimedOut"] = ("系统处理超时", "A step took too long"),
        ["SystemError"] = ("系统错误", "A system error"),
        ["RateLimited"] = ("操作过于频繁，请稍后再试", "Too many attempts; try again shortly"),
        ["NotFound"] = ("未找到", "Not found"),
        ["Conflict"] = ("与已有记录冲突", "This conflicts with an existing record"),
        ["BackRegistrationTooLate"] = ("已超过90天补登期限", "Past the 90-day back-registration window"),
        ["TicketUnknown"] = ("查无此车票", "Ticketing knows no such ticket"),
        ["TicketOfAnotherMember"] = ("该车票不属于此会员", "The ticket is another member's"),
        ["TicketPaidWithPoints"] = ("积分兑换的车票不积分", "Tickets paid with points earn no points"),
        ["TicketVoided"] = ("车票已作废或退票", "The ticket was voided or refunded"),
        ["TripNotYetDeparted"] = ("列车尚未出发", "The train has not left yet"),
        ["AlreadyCredited"] = ("该车票已计入积分", "This ticket was already credited"),
        ["NotPending"] = ("该申请已处理", "This request was already handled"),
        ["DownstreamUnavailable"] = ("服务暂不可用", "A service is unavailable"),
        ["DownstreamTimedOut"] = ("服务响应超时", "A service did not answer in time"),
    };

    public static string Zh(string? reason) => reason is not null && Words.TryGetValue(reason, out var w) ? w.Zh : "请求未成功";

    public static string En(string? reason) => reason is not null && Words.TryGetValue(reason, out var w) ? w.En : "The request did not succeed";
}
