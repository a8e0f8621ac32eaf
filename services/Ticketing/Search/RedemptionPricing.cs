namespace Changxing.Ticketing.Search;

/// <summary>Payment is pure points: 100 points pay 1 yuan of face price (DESIGN.md, Points).</summary>
public static class RedemptionPricing
{
    public const int PointsPerYuan = 100;

    /// <summary>The red mark 12306 shows beside a class that can be paid with points.</summary>
    public const string Mark = "兑";

    public static long Points(decimal fare) => (long)Math.Ceiling(fare * PointsPerYuan);
}
