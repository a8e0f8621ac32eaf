namespace Changxing.Web.Points;

/// <summary>One page of the statement (<c>GET /api/points/me/statement</c>), newest first.</summary>
public sealed record Statement(int Page, int PageSize, int TotalCount, IReadOnlyList<StatementLine> Items);

public sealed record StatementLine(long Id, DateTimeOffset At, string Kind, long Points, Guid? LotId, Guid? RedemptionId, string? TicketNumber, string? Note)
{
    /// <summary>A lot is valid 12 months from its credit day (Beijing time); only credit lines open a lot.</summary>
    public DateOnly? LotExpiresOn => Kind is "Credited" or "BackRegistered" or "Refunded"
        ? DateOnly.FromDateTime(At.ToOffset(Shared.ChinaTime.Offset).DateTime).AddMonths(12)
        : null;

    public string KindText => Kind switch
    {
        "Credited" => "乘车积分 Trip credited",
        "BackRegistered" => "补登 Back-registered",
        "Refunded" => "不可抗力退还 Force-majeure refund",
        "Held" => "冻结(兑换中) Held for a redemption",
        "Captured" => "已扣除 Paid for a ticket",
        "Released" => "已退回 Given back",
        "CaptureReversed" => "扣除已撤销 Payment reversed",
        "HoldExpired" => "冻结超时退回 Hold expired, given back",
        "Expired" => "过期 Expired",
        _ => Kind,
    };
}
