namespace Changxing.Points.Accrual;

/// <summary>
/// The plausible face price (票价) of one ticket: 0 to 20,000 yuan. The dearest 12306 fares (business class over the
/// longest high-speed lines, cross-border sleepers) stay below 5,000 yuan; anything above the bound is a typing slip or a
/// probe, and refusing it keeps every credit (x 15 at most, 300,000 points) far from the range of a 64-bit total.
/// </summary>
public static class FacePrice
{
    public const decimal MaximumYuan = 20_000m;

    public static bool IsPlausible(decimal yuan) => yuan is >= 0m and <= MaximumYuan;
}
