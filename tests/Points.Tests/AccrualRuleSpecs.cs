using Changxing.Points.Accrual;

namespace Changxing.Points.Tests;

/// <summary>DESIGN.md 1, earning: face price x 5, x 15 aged 60+, x 10 aged 14..28, on the trip's date, rounded half up.</summary>
public sealed class AccrualRuleSpecs
{
    private static readonly DateOnly Departure = new(2026, 6, 15);

    [Theory]
    [InlineData("2012-06-16", 13, 5)] // turns 14 the day after the trip
    [InlineData("2012-06-15", 14, 10)] // 14th birthday on the trip date
    [InlineData("1997-06-16", 28, 10)]
    [InlineData("1997-06-15", 29, 5)]
    [InlineData("1966-06-16", 59, 5)]
    [InlineData("1966-06-15", 60, 15)]
    public void Should_earn_by_the_age_on_the_departure_date(string birth, int expectedAge, int pointsPerYuan)
    {
        var birthDate = DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expectedAge, AccrualRule.AgeOn(birthDate, Departure));
        Assert.Equal(100L * pointsPerYuan, AccrualRule.PointsFor(100m, birthDate, Departure));
    }

    [Theory]
    [InlineData("10.1", 51)] // 50.5: half up, not to even (50)
    [InlineData("12.5", 63)] // 62.5
    [InlineData("10.09", 50)] // 50.45
    [InlineData("10.3", 52)] // 51.5
    [InlineData("553", 2765)]
    public void Should_round_half_up(string facePrice, long expected) =>
        Assert.Equal(expected, AccrualRule.PointsFor(decimal.Parse(facePrice, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(1980, 1, 1), Departure));

    [Fact]
    public void Should_round_half_up_at_the_youth_rate_too() =>
        Assert.Equal(3, AccrualRule.PointsFor(0.25m, new DateOnly(2005, 1, 1), Departure)); // 2.5 -> 3
}
