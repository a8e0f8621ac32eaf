using System.Net;
using Changxing.Contracts;
using Changxing.Contracts.Points;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Time;
using Changxing.TestSupport;
using Changxing.Ticketing.Tickets;
using Changxing.Ticketing.Trains;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

/// <summary>
/// The gates complete a trip, and only once it has departed (issue #17, 2). Each test travels tomorrow and moves this
/// class's own clock past the departure, so the order the tests run in does not matter.
/// </summary>
[Trait("Category", TestCategories.Database)]
public class TripCompletionApiSpecs(TicketingApiFactory factory) : IClassFixture<TicketingApiFactory>
{
    private HttpClient Operator => factory.CreateClientFor(Guid.NewGuid(), Roles.Operator);

    private DateOnly Tomorrow => ChinaCalendar.Today(factory.Clock).AddDays(1);

    [Fact]
    public async Task Should_publish_TripCompleted_for_a_money_paid_ticket_whose_trip_the_gates_recorded()
    {
        var member = await factory.KnownMemberAsync();
        var ticket = await SellAsync(member, "passenger-1", "G1");

        factory.Clock.Advance(TimeSpan.FromDays(2));
        var completed = await Operator.PostAsync($"/api/ticketing/tickets/{ticket.TicketNumber}/trip-completed", null).ReadAsync<TicketView>();

        Assert.Equal(PaymentMethod.Money, ticket.PaymentMethod);
        Assert.Equal("Completed", completed.Status);
        Assert.True(await Harness.Published.Any<TripCompleted>(m =>
            m.Context.Message.TicketNumber == ticket.TicketNumber && m.Context.Message.MemberId == member
            && m.Context.Message.FacePrice == ticket.Fare && m.Context.Message.PaymentMethod == PaymentMethod.Money));
    }

    [Fact]
    public async Task Should_publish_no_TripCompleted_when_the_trip_of_a_points_paid_ticket_is_completed()
    {
        var ticket = await TicketApiSpecs.IssuePointsTicketAsync(factory, Operator, "G5", Tomorrow, "passenger-4");

        factory.Clock.Advance(TimeSpan.FromDays(2));
        var completed = await Operator.PostAsync($"/api/ticketing/tickets/{ticket.TicketNumber}/trip-completed", null).ReadAsync<TicketView>();

        Assert.Equal("Completed", completed.Status);
        Assert.Equal(PaymentMethod.Points, completed.PaymentMethod);
        Assert.False(await Harness.Published.Any<TripCompleted>(m => m.Context.Message.TicketNumber == ticket.TicketNumber));
    }

    [Fact]
    public async Task Should_refuse_to_complete_a_trip_before_it_departs_and_credit_nothing()
    {
        var ticket = await SellAsync(await factory.KnownMemberAsync(), "passenger-7", "G1");

        var early = await Operator.PostAsync($"/api/ticketing/tickets/{ticket.TicketNumber}/trip-completed", null);

        Assert.Equal(ReasonCodes.TripNotYetDeparted, await early.ReasonAsync(HttpStatusCode.Conflict));
        Assert.Equal("Issued", (await Operator.GetAsync($"/api/ticketing/tickets/{ticket.TicketNumber}").ReadAsync<TicketView>()).Status);
        Assert.False(await Harness.Published.Any<TripCompleted>(m => m.Context.Message.TicketNumber == ticket.TicketNumber));
    }

    [Fact]
    public async Task Should_find_a_ticket_by_its_number_typed_in_lower_case_or_full_width_and_not_by_one_with_control_characters()
    {
        var ticket = await SellAsync(await factory.KnownMemberAsync(), "passenger-8", "G7");
        var fullWidth = string.Concat(ticket.TicketNumber.Select(c => (char)(c + 0xFEE0))); // Ｅ１２…

        var lower = await Operator.GetAsync($"/api/ticketing/tickets/{ticket.TicketNumber.ToLowerInvariant()}").ReadAsync<TicketView>();
        var wide = await Operator.GetAsync($"/api/ticketing/tickets/{Uri.EscapeDataString(fullWidth)}").ReadAsync<TicketView>();
        var control = await Operator.GetAsync($"/api/ticketing/tickets/{Uri.EscapeDataString(ticket.TicketNumber + "\u0007")}");

        Assert.Equal(ticket.TicketNumber, lower.TicketNumber);
        Assert.Equal(ticket.TicketNumber, wide.TicketNumber);
        Assert.Equal(HttpStatusCode.NotFound, control.StatusCode);
    }

    private ITestHarness Harness => factory.Services.GetRequiredService<ITestHarness>();

    private Task<TicketView> SellAsync(Guid member, string passenger, string train) =>
        Operator.PostJsonAsync("/api/ticketing/tickets", new SaleRequest(member, passenger, "张三", "1101**********1234", train, Tomorrow, "VNP", "NKH", "Second"))
            .ReadAsync<TicketView>(HttpStatusCode.Created);
}
