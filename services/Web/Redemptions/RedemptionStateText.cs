namespace Changxing.Web.Redemptions;

/// <summary>The saga's states in words for the lists.</summary>
public static class RedemptionStateText
{
    public static readonly IReadOnlyList<string> States =
        ["Submitted", "Authorising", "ReservingPoints", "HoldingSeat", "IssuingTicket", "CapturingPoints", "Compensating", "Completed", "Failed"];

    public static string Of(string state) => state switch
    {
        "Completed" => "已完成 Completed",
        "Failed" => "未成功 Failed",
        "Compensating" => "退回中 Giving back",
        _ => $"处理中 In progress ({state})",
    };
}
