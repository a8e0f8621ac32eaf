using System.Net;
using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Contracts.Points;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;
using Changxing.Ticketing.Allotments;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Tickets;
using Changxing.Ticketing.Trains;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

[Trait("Category", TestCategories.Database)]
public class TicketApiSpecs(TicketingApiFactory factory) : IClassFixture<TicketingApiFactory>
{
    [Fact]
    public async Task Should_show_a_member_their_own_tickets_and_hide_others()
    {
        var member = await factory.KnownMemberAsync();
        var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Operator);
        var ticket = await operatorClient.PostJsonAsync("/api/ticketing/tickets",
            new SaleRequest(member, "passenger-2", "李四", "3101**********5678", "G2", new DateOnly(2026, 3, 7), "AOH", "VNP", "First"))
            .ReadAsync<TicketView>(HttpStatusCode.Created);

        var mine = await factory.CreateClientFor(member).GetAsync("/api/ticketing/tickets").ReadAsync<List<TicketView>>();
        var someoneElse = await factory.CreateClientFor(Guid.NewGuid()).GetAsync($"/api/ticketing/tickets/{ticket.TicketNumber}");

        Assert.Equal(ticket.TicketNumber, Assert.Single(mine).TicketNumber);
        Assert.Equal(HttpStatusCode.NotFound, someoneElse.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_to_sell_a_passenger_a_second_seat_on_the_same_run()
    {
        var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Operator);
        var sale = new SaleRequest(await factory.KnownMemberAsync(), "passenger-3", "王五", "4401**********0000", "G7", new DateOnly(2026, 3, 8), "VNP", "AOH", "Second");
        (await operatorClient.PostJsonAsync("/api/ticketing/tickets", sale)).EnsureSuccessStatusCode();

        var again = await operatorClient.PostJsonAsync("/api/ticketing/tickets", sale with { FromStation = "NKH" });

        Assert.Equal(ReasonCodes.PassengerAlreadyHasTicket, await again.ReasonAsync(HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Should_show_an_issued_points_ticket_with_its_passenger_train_date_stations_and_points()
    {
        var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Operator);
        var issued = await IssuePointsTicketAsync(factory, operatorClient, "G7", new DateOnly(2026, 3, 9), "passenger-5");

        var ticket = await factory.CreateClientFor(issued.MemberId).GetAsync($"/api/ticketing/tickets/{issued.TicketNumber}").ReadAsync<TicketView>();

        Assert.Equal(
            ("Issued", "G7", new DateOnly(2026, 3, 9), "VNP", "AOH", "Second", "陈二", "1101**********0006", PaymentMethod.Points, 55300L, 553m),
            (ticket.Status, ticket.TrainNumber, ticket.TravelDate, ticket.FromStation, ticket.ToStation, ticket.SeatClass, ticket.PassengerName,
             ticket.PassengerIdMasked, ticket.PaymentMethod, ticket.PointsPaid, ticket.Fare));
        Assert.Matches(@"^\d{2}$", ticket.Car);
        Assert.Matches(@"^\d{2}[A-F]$", ticket.Seat);
        Assert.True(ticket.ArrivesAt > ticket.DepartsAt);
    }

    [Fact]
    public async Task Should_seat_a_sleeper_passenger_on_a_numbered_lower_middle_or_upper_berth()
    {
        var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Operator);
        var sale = new SaleRequest(await factory.KnownMemberAsync(), "passenger-6", "刘七", "1101**********0007", "T109", new DateOnly(2026, 3, 9), "BJP", "SHH", "HardSleeper");

        var ticket = await operatorClient.PostJsonAsync("/api/ticketing/tickets", sale).ReadAsync<TicketView>(HttpStatusCode.Created);
        var t109 = await factory.CreateClient().GetAsync("/api/ticketing/trains/T109").ReadAsync<TrainView>();

        Assert.Equal(("10", "01下"), (ticket.Car, ticket.Seat));
        Assert.Equal(new DateOnly(2026, 3, 10), DateOnly.FromDateTime(ticket.ArrivesAt.DateTime));
        Assert.Equal([("SoftSleeper", 72), ("HardSleeper", 396)], t109.Classes.Select(c => (c.SeatClass, c.Seats)));
        Assert.All(t109.Cars.Where(c => c.SeatClass == "HardSleeper"), c => Assert.Equal("下中上", c.Letters));
    }

    [Fact]
    public async Task Should_refuse_a_window_sale_for_a_member_id_no_activation_was_heard_of()
    {
        var stranger = Guid.NewGuid();
        var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Operator);

        var refused = await operatorClient.PostJsonAsync("/api/ticketing/tickets",
            new SaleRequest(stranger, "passenger-9", "赵九", "1101**********0009", "G7", new DateOnly(2026, 3, 8), "VNP", "AOH", "Second"));

        Assert.Equal(ReasonCodes.MemberNotActive, await refused.ReasonAsync(HttpStatusCode.BadRequest));
        Assert.Empty(await factory.CreateClientFor(stranger).GetAsync("/api/ticketing/tickets").ReadAsync<List<TicketView>>());
    }

    [Fact]
    public async Task Should_sell_to_a_member_once_their_activation_is_heard_even_when_it_is_heard_twice()
    {
        var member = Guid.NewGuid();
        var activated = new MemberActivated(member, "孙十", new DateOnly(1980, 1, 1), factory.Clock.GetUtcNow());
        var harness = factory.Services.GetTestHarness();
        await harness.Bus.Publish(activated);
        await harness.Bus.Publish(activated);
        await Eventually.Until(() => Task.FromResult(harness.Consumed.Select<MemberActivated>(m => m.Context.Message.MemberId == member).Count() == 2),
            because: "Ticketing hears both announcements of the activation");

        var sold = await factory.CreateClientFor(Guid.NewGuid(), Roles.Operator).PostJsonAsync("/api/ticketing/tickets",
            new SaleRequest(member, "passenger-10", "孙十", "1101**********0010", "G7", new DateOnly(2026, 3, 8), "VNP", "AOH", "Second"));

        Assert.Equal(HttpStatusCode.Created, sold.StatusCode);
        Assert.DoesNotContain(harness.Consumed.Select<MemberActivated>(m => m.Context.Message.MemberId == member), m => m.Exception is not null);
    }

    /// <summary>A "兑" allotment on the run, then the seat and ticket the redemption saga takes once the points are reserved.</summary>
    internal static async Task<TicketView> IssuePointsTicketAsync(TicketingApiFactory factory, HttpClient operatorClient, string train, DateOnly date, string passenger)
    {
        (await operatorClient.PostJsonAsync($"/api/ticketing/runs/{train}/{date:yyyy-MM-dd}/allotments", new AllotmentInput("Second", null, null, 5)))
            .EnsureSuccessStatusCode();
        var redemption = Guid.NewGuid();
        await using var scope = factory.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<TicketOffice>().IssueForRedemptionAsync(
            new RedemptionTicketRequest(redemption, Guid.NewGuid(), train, date, "VNP", "AOH", "Second", passenger, "陈二", "1101**********0006", 55300), default);
        return TicketView.Of(issued.Value!);
    }
}
