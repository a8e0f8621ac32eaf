namespace Changxing.Membership;

/// <summary>
/// Natural days (自然日) are counted on the calendar of China Standard Time, UTC+8 all year round (no daylight
/// saving), so a fixed offset needs no time-zone database.
/// </summary>
public static class ChinaCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateOnly Today(this TimeProvider clock) => DateOf(clock.GetUtcNow());
}
