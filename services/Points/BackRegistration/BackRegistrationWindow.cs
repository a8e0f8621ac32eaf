namespace Changxing.Points.BackRegistration;

/// <summary>Missing points may be back-registered (补登) up to 90 days after the departure date, that day counted: day 90 yes, day 91 no.</summary>
public static class BackRegistrationWindow
{
    public const int MaximumDaysAfterDeparture = 90;

    public static bool IsOpen(DateOnly departureDate, DateOnly today)
    {
        var days = today.DayNumber - departureDate.DayNumber;
        return days is >= 0 and <= MaximumDaysAfterDeparture;
    }
}
