namespace Changxing.Points.Accrual;

/// <summary>
/// Earning (DESIGN.md 1): face price in yuan x 5 points, x 15 for members aged 60 or more, x 10 for ages 14 to 28,
/// rounded half up. The age is the member's age on the trip's departure date. Tickets paid with points earn nothing.
/// </summary>
public static class AccrualRule
{
    public const int BasePointsPerYuan = 5;
    public const int SeniorPointsPerYuan = 15;
    public const int SeniorMinimumAge = 60;
    public const int YouthPointsPerYuan = 10;
    public const int YouthMinimumAge = 14;
    public const int YouthMaximumAge = 28;

    public static long PointsFor(decimal facePrice, DateOnly birthDate, DateOnly departureDate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(facePrice);
        var points = facePrice * PointsPerYuan(AgeOn(birthDate, departureDate));
        return (long)Math.Round(points, 0, MidpointRounding.AwayFromZero);
    }

    public static int PointsPerYuan(int age) => age switch
    {
        >= SeniorMinimumAge => SeniorPointsPerYuan,
        >= YouthMinimumAge and <= YouthMaximumAge => YouthPointsPerYuan,
        _ => BasePointsPerYuan,
    };

    /// <summary>Completed years on <paramref name="day"/>; a birthday on that day counts.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return day < birthDate.AddYears(age) ? age - 1 : age;
    }
}
