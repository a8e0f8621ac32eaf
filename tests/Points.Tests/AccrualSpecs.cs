using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Contracts.Points;
using Changxing.Points.Ledger;
using Changxing.TestSupport;
using MassTransit.Testing;

namespace Changxing.Points.Tests;

/// <summary>TripCompleted and MemberActivated consumed through the bus, the result seen through the API.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class AccrualSpecs(PointsApiFactory factory) : IClassFixture<PointsApiFactory>
{
    private ITestHarness Harness => factory.Harness;

    [Fact]
    public async Task Should_credit_a_completed_trip_and_show_it_in_the_members_balance()
    {
        var memberId = await factory.ActivateMemberAsync(new DateOnly(2001, 5, 1)); // 24 on the trip date: x 10
        var ticket = PointsApiFactory.NewTicketNumber();

        await Harness.Bus.Publish(new TripCompleted(ticket, memberId, 100.05m, factory.Today.AddDays(-1), PaymentMethod.Money, factory.Clock.GetUtcNow()));

        var credited = Assert.Single(await factory.PublishedAsync<PointsCredited>(m => m.TicketNumber == ticket));
        Assert.Equal(1_001, credited.Points); // 1000.5 rounded half up
        Assert.Equal(CreditSource.Trip, credited.Source);
        Assert.Equal(factory.Today.AddMonths(12), credited.ExpiresOn);

        var balance = await factory.CreateClientFor(memberId).GetFromJsonAsync<PointsBalance>("/api/points/me/balance");
        Assert.NotNull(balance);
        Assert.Equal(1_001, balance.Available);
        Assert.Equal(1_001, balance.LifetimeCredited);
        Assert.Equal(factory.Today, balance.LastCreditedOn);
        Assert.False(balance.RedemptionUnlocked);
        Assert.Equal(RedemptionThreshold.Points - 1_001, balance.ThresholdShortfall);
    }

    [Fact]
    public async Task Should_earn_by_the_age_on_the_departure_date_when_the_member_turns_60_before_the_trip_is_reported()
    {
        var memberId = await factory.ActivateMemberAsync(factory.Today.AddDays(-1).AddYears(-60)); // 59 on the trip, 60 today
        var ticket = PointsApiFactory.NewTicketNumber();

        await Harness.Bus.Publish(new TripCompleted(ticket, memberId, 100m, factory.Today.AddDays(-3), PaymentMethod.Money, factory.Clock.GetUtcNow()));

        Assert.Equal(500, Assert.Single(await factory.PublishedAsync<PointsCredited>(m => m.TicketNumber == ticket)).Points); // x 5, not x 15
    }

    [Fact]
    public async Task Should_credit_a_ticket_only_once_when_the_trip_is_delivered_twice()
    {
        var memberId = await factory.ActivateMemberAsync();
        var trip = new TripCompleted(PointsApiFactory.NewTicketNumber(), memberId, 200m, factory.Today, PaymentMethod.Money, factory.Clock.GetUtcNow());

        await Harness.Bus.Publish(trip);
        await Harness.Bus.Publish(trip);

        await factory.ConsumedAsync<TripCompleted>(m => m == trip, count: 2);
        var balance = await factory.BalanceAsync(memberId);
        Assert.Equal(1_000, balance!.LifetimeCredited);
        Assert.Equal(1_000, balance.Available);
    }

    [Fact]
    public async Task Should_earn_nothing_for_a_ticket_paid_with_points()
    {
        var memberId = await factory.ActivateMemberAsync();
        var ticket = PointsApiFactory.NewTicketNumber();

        await Harness.Bus.Publish(new TripCompleted(ticket, memberId, 300m, factory.Today, PaymentMethod.Points, factory.Clock.GetUtcNow()));

        await factory.ConsumedAsync<TripCompleted>(m => m.TicketNumber == ticket);
        Assert.Empty(Harness.Published.Select<PointsCredited>(x => x.Context.Message.TicketNumber == ticket));
        Assert.Equal(0, (await factory.BalanceAsync(memberId))!.LifetimeCredited);
    }

    [Fact]
    public async Task Should_credit_a_trip_that_arrives_before_its_member_activation()
    {
        var memberId = Guid.NewGuid();
        var ticket = PointsApiFactory.NewTicketNumber();

        await Harness.Bus.Publish(new TripCompleted(ticket, memberId, 10m, factory.Today, PaymentMethod.Money, factory.Clock.GetUtcNow()));
        await Harness.Bus.Publish(new MemberActivated(memberId, "迟到的会员", new DateOnly(1950, 1, 1), factory.Clock.GetUtcNow()));

        await factory.PublishedAsync<PointsCredited>(m => m.TicketNumber == ticket);
        Assert.Equal(150, (await factory.BalanceAsync(memberId))!.Available); // aged 76: x 15
    }

    [Fact]
    public async Task Should_open_a_points_account_when_a_member_is_activated()
    {
        var memberId = Guid.NewGuid();
        var client = factory.CreateClientFor(memberId);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/points/me/balance")).StatusCode);

        await Harness.Bus.Publish(new MemberActivated(memberId, "新会员", new DateOnly(1990, 1, 1), factory.Clock.GetUtcNow()));

        await factory.ConsumedAsync<MemberActivated>(m => m.MemberId == memberId);
        var balance = await client.GetFromJsonAsync<PointsBalance>("/api/points/me/balance");
        Assert.Equal(0, balance!.Available);
        Assert.Null(balance.LastCreditedOn);
    }
}
