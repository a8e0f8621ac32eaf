using Changxing.Points.BackRegistration;
using Changxing.Points.Ledger;
using Microsoft.Extensions.Options;

namespace Changxing.Points.Tests;

/// <summary>DESIGN.md 1: lots valid 12 months from the credit day, last 30 days frozen; back-registration up to day 90.</summary>
public sealed class LotRuleSpecs
{
    private static readonly LotPolicy Frozen = new(Options.Create(new PointsOptions()));

    private static PointsLot LotCreditedOn(DateOnly day) =>
        new(Guid.NewGuid(), 1_000, CreditSource.Trip, null, null, day, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    [Fact]
    public void Should_expire_a_lot_12_months_after_its_credit_day()
    {
        var lot = LotCreditedOn(new DateOnly(2026, 3, 1));

        Assert.Equal(new DateOnly(2027, 3, 1), lot.ExpiresOn);
        Assert.Equal(LotState.Usable, Frozen.StateOn(lot, new DateOnly(2027, 1, 29)));
        Assert.Equal(LotState.ExpiringSoon, Frozen.StateOn(lot, new DateOnly(2027, 1, 30))); // 30 days before expiry
        Assert.Equal(LotState.ExpiringSoon, Frozen.StateOn(lot, new DateOnly(2027, 2, 28))); // last valid day
        Assert.Equal(LotState.Expired, Frozen.StateOn(lot, new DateOnly(2027, 3, 1)));
    }

    [Theory]
    [InlineData("2026-01-31", "2027-01-31")]
    [InlineData("2028-02-29", "2029-02-28")] // leap day: the month has no 29th next year
    [InlineData("2026-12-31", "2027-12-31")]
    public void Should_count_12_calendar_months(string credited, string expires) =>
        Assert.Equal(DateOnly.Parse(expires, System.Globalization.CultureInfo.InvariantCulture),
            LotCreditedOn(DateOnly.Parse(credited, System.Globalization.CultureInfo.InvariantCulture)).ExpiresOn);

    [Fact]
    public void Should_not_let_frozen_or_expired_lots_pay()
    {
        var lot = LotCreditedOn(new DateOnly(2026, 3, 1));

        Assert.True(Frozen.CanPay(lot, new DateOnly(2027, 1, 29)));
        Assert.False(Frozen.CanPay(lot, new DateOnly(2027, 1, 30)));
        Assert.False(Frozen.CanPay(lot, new DateOnly(2027, 3, 1)));
    }

    [Fact]
    public void Should_let_expiring_soon_lots_pay_when_the_policy_does_not_freeze_them()
    {
        var lenient = new LotPolicy(Options.Create(new PointsOptions { FreezeExpiringSoon = false }));
        var lot = LotCreditedOn(new DateOnly(2026, 3, 1));

        Assert.True(lenient.CanPay(lot, new DateOnly(2027, 2, 28)));
        Assert.False(lenient.CanPay(lot, new DateOnly(2027, 3, 1)));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)] // day 1: the departure day
    [InlineData(89, true)] // day 90
    [InlineData(90, false)] // day 91
    public void Should_accept_back_registration_up_to_day_90_the_departure_day_counted(int daysAfterDeparture, bool open)
    {
        var departure = new DateOnly(2026, 1, 10);

        Assert.Equal(open, BackRegistrationWindow.IsOpen(departure, departure.AddDays(daysAfterDeparture)));
    }
}
