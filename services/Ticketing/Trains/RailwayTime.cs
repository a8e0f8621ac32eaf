namespace Changxing.Ticketing.Trains;

/// <summary>Timetables and travel dates are Beijing time (UTC+8, no daylight saving), whatever the server's zone.</summary>
public static class RailwayTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Now(TimeProvider clock) => clock.GetUtcNow().ToOffset(Offset);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Now(clock).DateTime);

    /// <summary>The instant a train is at a stop: the run's service date, the stop's day offset and its clock time.</summary>
    public static DateTimeOffset At(DateOnly serviceDate, int dayOffset, TimeOnly time) =>
        new(serviceDate.AddDays(dayOffset).ToDateTime(time), Offset);
}
