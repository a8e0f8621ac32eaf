using System.Net;
using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;
using Changxing.Ticketing.Tickets;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

[Trait("Category", TestCategories.Database)]
public class TicketApiTests(TicketingApiFactory factory) : IClassFixture<TicketingApiFactory>
{
    [Fact]
    public async Task Should_publish_TripCompleted_for_a_money_paid_ticket_whose_trip_the_gates_recorded()
    {
        var member = Guid.NewGuid();
        var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Operator);
        var sale = new SaleRequest(member, "passenger-1", "张三", "1101**********1234", "G1", new DateOnly(2026, 3, 6), "VNP", "NKH", "Second");

        var ticket = await operatorClient.PostJsonAsync("/api/ticketing/tickets", sale).ReadAsync<TicketView>(HttpStatusCode.Created);
        var completed = await operatorClient.PostAsync($"/api/ticketing/tickets/{ticket.TicketNumber}/trip-completed", null).ReadAsync<TicketView>();

        Assert.Equal(PaymentMethod.Money, ticket.PaymentMethod);
        Assert.Equal("Completed", completed.Status);
        var harness = factory.Services.GetRequiredService<ITestHarness>();
        Assert.True(await harness.Published.Any<TripCompleted>(m =>
            m.Context.Message.TicketNumber == ticket.TicketNumber && m.Context.Message.MemberId == member
            && m.Context.Message.FacePrice == ticket.Fare && m.Context.Message.PaymentMethod == PaymentMethod.Money));
    }

    [Fact]
    public async Task Should_show_a_member_their_own_tickets_and_hide_others()
    {
        var member = Guid.NewGuid();
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
        var sale = new SaleRequest(Guid.NewGuid(), "passenger-3", "王五", "4401**********0000", "G7", new DateOnly(2026, 3, 8), "VNP", "AOH", "Second");
        (await operatorClient.PostJsonAsync("/api/ticketing/tickets", sale)).EnsureSuccessStatusCode();

        var again = await operatorClient.PostJsonAsync("/api/ticketing/tickets", sale with { FromStation = "NKH" });

        Assert.Equal(ReasonCodes.PassengerAlreadyHasTicket, await again.ReasonAsync(HttpStatusCode.Conflict));
    }
}
