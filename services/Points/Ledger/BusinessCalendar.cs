using Changxing.ServiceDefaults.Time;

namespace Changxing.Points.Ledger;

/// <summary>Now and today's date on the one calendar (<see cref="ChinaCalendar"/>), from the injected clock.</summary>
public sealed class BusinessCalendar(TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DayOf(Now);

    public DateOnly DayOf(DateTimeOffset instant) => ChinaCalendar.DateOf(instant);
}
