namespace Changxing.Points.BackRegistration;

/// <summary>
/// Missing points may be back-registered (补登) up to 90 days after the departure date, that day counted: the departure
/// day is day 1, so day 90 (89 days after it) yes, day 91 (90 days after it) no. Days are business days (UTC+8).
/// </summary>
public static class BackRegistrationWindow
{
    public const int LastDay = 90;

    /// <summary>Which day of the window <paramref name="today"/> is: 1 on the departure day, 0 or less before it.</summary>
    public static int DayOf(DateOnly departureDate, DateOnly today) => today.DayNumber - departureDate.DayNumber + 1;

    public static bool IsOpen(DateOnly departureDate, DateOnly today) => DayOf(departureDate, today) is >= 1 and <= LastDay;
}
