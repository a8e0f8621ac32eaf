using Changxing.ServiceDefaults.Time;
using Microsoft.Extensions.Time.Testing;

namespace Changxing.ServiceDefaults.Tests.Time;

/// <summary>Every service counts days on Beijing's calendar: the day turns at 16:00 UTC, whatever the server's zone.</summary>
public sealed class ChinaCalendarSpecs
{
    [Theory]
    [InlineData("2026-03-01T15:59:59Z", "2026-03-01")]
    [InlineData("2026-03-01T16:00:00Z", "2026-03-02")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    public void Should_turn_the_day_at_midnight_in_Beijing(string utc, string beijingDate)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(beijingDate, System.Globalization.CultureInfo.InvariantCulture), clock.Today());
        Assert.Equal(TimeSpan.FromHours(8), clock.Now().Offset);
    }

    [Fact]
    public void Should_place_a_timetable_time_on_its_service_date_plus_the_stops_day_offset_in_Beijing()
    {
        var at = ChinaCalendar.At(new DateOnly(2026, 3, 1), dayOffset: 1, new TimeOnly(0, 30));

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 16, 30, 0, TimeSpan.Zero), at.ToUniversalTime());
    }
}
