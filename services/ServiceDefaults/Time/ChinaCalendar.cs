namespace Changxing.ServiceDefaults.Time;

/// <summary>
/// The one calendar of every service: China Standard Time, UTC+8 all year round (no daylight saving), so a fixed offset
/// needs no time-zone database. Natural days (自然日) for the 60-day, 90-day and 12-month rules, travel dates and
/// timetables are all counted on it, whatever the server's own zone.
/// </summary>
public static class ChinaCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>Now, as a Beijing wall-clock time.</summary>
    public static DateTimeOffset Now(this TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    /// <summary>Today's date in Beijing.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOf(clock.GetUtcNow());

    /// <summary>The Beijing date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The instant a train is at a stop: the run's service date, the stop's day offset and its clock time.</summary>
    public static DateTimeOffset At(DateOnly serviceDate, int dayOffset, TimeOnly time) =>
        new(serviceDate.AddDays(dayOffset).ToDateTime(time), Offset);
}
