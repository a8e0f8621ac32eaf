using Microsoft.Extensions.Options;

namespace Changxing.Points.Ledger;

/// <summary>Today's date in the business time zone (UTC+8), from the injected clock.</summary>
public sealed class BusinessCalendar(TimeProvider clock, IOptions<PointsOptions> options)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public DateOnly Today => DayOf(Now);

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(options.Value.BusinessDayUtcOffset).DateTime);
}
