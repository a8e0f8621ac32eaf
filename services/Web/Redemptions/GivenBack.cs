namespace Changxing.Web.Redemptions;

/// <summary>What a failed redemption gave back, read from its compensation steps, in plain words.</summary>
public static class GivenBack
{
    public static IReadOnlyList<(string Zh, string En)> Of(Redemption redemption)
    {
        if (redemption.Event("PointsReserved") is null && redemption.Event("PointsCaptured") is null)
        {
            return [("未扣除任何积分。", "Nothing was taken from your points.")];
        }

        var lines = new List<(string Zh, string En)>();
        if (redemption.Event("TicketVoided") is not null)
        {
            lines.Add(("车票已作废。", "The ticket was voided."));
        }

        if (redemption.Event("SeatReleased") is not null)
        {
            lines.Add(("座位已释放。", "The seat was released."));
        }

        lines.Add(redemption.Event("PointsReleased") is not null
            ? ($"冻结的 {redemption.Price.Points:N0} 积分已全部退回。", $"The {redemption.Price.Points:N0} points held were all given back.")
            : ("积分正在退回。", "Your points are being given back."));
        return lines;
    }
}
