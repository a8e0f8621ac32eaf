namespace Changxing.Web.Shared;

/// <summary>Railway times and dates are Beijing time (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static string Clock(DateTimeOffset at) => at.ToOffset(Offset).ToString("HH:mm");

    public static string DateTime(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss");
}
