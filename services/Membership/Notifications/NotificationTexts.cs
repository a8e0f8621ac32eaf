using Changxing.Contracts.Membership;
using Changxing.Contracts.Points;
using Changxing.Contracts.Redemptions;
using Changxing.ServiceDefaults.Time;

namespace Changxing.Membership.Notifications;

/// <summary>Turns the events a member is told about into inbox messages.</summary>
public static class NotificationTexts
{
    public static NotificationMessage TicketIssued(RedemptionCompleted e)
    {
        var departs = e.DepartsAt.ToOffset(ChinaCalendar.Offset);
        return new(NotificationKind.TicketIssued,
            "积分兑换成功,已出票", "Ticket issued for your points",
            $"{e.TravelDate:yyyy年M月d日} {e.TrainNumber}次 {e.FromStation}—{e.ToStation},{departs:HH:mm}开,{e.Car}车{e.Seat}号,乘车人{e.PassengerName},电子客票号{e.TicketNumber},使用积分{e.PointsPaid}。",
            $"{e.TrainNumber} on {e.TravelDate:yyyy-MM-dd}, {e.FromStation} to {e.ToStation}, departs {departs:HH:mm}, car {e.Car} seat {e.Seat}, passenger {e.PassengerName}, e-ticket {e.TicketNumber}, {e.PointsPaid} points.");
    }

    public static NotificationMessage RedemptionFailed(RedemptionFailed e)
    {
        var (zh, en) = FailureReasonText.For(e.Reason, e.Detail);
        return new(NotificationKind.RedemptionFailed,
            "积分兑换失败", "Points redemption failed",
            $"原因:{zh}。未扣除积分。", $"Reason: {en}. No points were taken.");
    }

    public static NotificationMessage SupportTicketOpened(SupportTicketOpened e) =>
        new(NotificationKind.SupportTicketOpened,
            "已为您创建客服工单", "A support ticket was opened for you",
            $"工单编号{e.TicketNumber}(关键词“{e.Keyword}”),客服将人工复核。",
            $"Ticket number {e.TicketNumber} (keyword \"{e.Keyword}\"); support staff will review it.");

    public static NotificationMessage SupportTicketResolved(SupportTicketResolved e) =>
        new(NotificationKind.SupportTicketResolved,
            "客服工单已处理", "Support ticket resolved",
            $"工单{e.TicketNumber}已处理完毕。", $"Ticket {e.TicketNumber} has been resolved.");

    public static NotificationMessage BeneficiaryEffective(BeneficiaryBecameEffective e) =>
        new(NotificationKind.BeneficiaryEffective,
            "受让人已生效", "Beneficiary now effective",
            $"受让人{e.BeneficiaryName}已于{e.EffectiveOn:yyyy年M月d日}生效,可为其兑换车票。",
            $"{e.BeneficiaryName} became effective on {e.EffectiveOn:yyyy-MM-dd}; you can now redeem tickets for them.");

    public static NotificationMessage PointsCredited(PointsCredited e) =>
        new(NotificationKind.PointsCredited,
            "积分到账", "Points credited",
            $"{e.Points}积分已到账{(e.TicketNumber is null ? "" : $"(车票{e.TicketNumber})")},有效期至{e.ExpiresOn:yyyy年M月d日},累计积分{e.LifetimeCredited}。",
            $"{e.Points} points credited{(e.TicketNumber is null ? "" : $" (ticket {e.TicketNumber})")}, valid until {e.ExpiresOn:yyyy-MM-dd}; lifetime total {e.LifetimeCredited}.");

    public static NotificationMessage PointsExpiringSoon(PointsExpiringSoon e) =>
        new(NotificationKind.PointsExpiringSoon,
            "积分即将过期", "Points expiring soon",
            $"{e.Points}积分将于{e.ExpiresOn:yyyy年M月d日}过期,即将过期的积分已冻结,不可用于兑换。",
            $"{e.Points} points expire on {e.ExpiresOn:yyyy-MM-dd}; points about to expire are frozen and cannot pay.");
}
