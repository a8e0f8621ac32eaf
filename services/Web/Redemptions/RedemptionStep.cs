namespace Changxing.Web.Redemptions;

/// <summary>The saga's steps in the order they happen, by the timeline event that marks each one done.</summary>
public sealed record RedemptionStep(string Event, string Zh, string En)
{
    public static readonly IReadOnlyList<RedemptionStep> All =
    [
        new("Authorised", "支付已授权", "Payment authorised"),
        new("PointsReserved", "积分已冻结", "Points reserved"),
        new("SeatHeld", "座位已锁定", "Seat held"),
        new("TicketIssued", "已出票", "Ticket issued"),
        new("PointsCaptured", "积分已扣除", "Points captured"),
    ];
}
