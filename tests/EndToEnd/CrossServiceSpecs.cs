using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.EndToEnd.Infrastructure;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Scenarios;
using Changxing.TestSupport;
using Xunit.Abstractions;

namespace Changxing.EndToEnd;

/// <summary>The services reached through the gateway, and messages that cross from one service to another over RabbitMQ.</summary>
public sealed class CrossServiceSpecs(SystemUnderTest system, ITestOutputHelper output) : EndToEndTest(system, output)
{
    private readonly Journeys _journeys = new(system);

    [Fact]
    public Task Should_route_each_api_prefix_to_its_service() => Scenario(async () =>
    {
        using var member = await _journeys.SignUpAsync(new DateOnly(1990, 1, 1));
        using var anonymous = System.CreateClient();

        var stations = await anonymous.GetJsonAsync("/api/ticketing/stations");
        var me = await member.Http.GetJsonAsync("/api/membership/me");
        var redemptions = await member.Http.GetJsonAsync("/api/redemptions");
        using var points = await member.Http.GetAsync(new Uri("/api/points/me/balance", UriKind.Relative));

        Assert.Contains(stations.EnumerateArray(), s => s.Str("code") == "VNP");
        Assert.Equal(member.Id, me.GetProperty("memberId").GetGuid());
        Assert.Equal(0, redemptions.GetProperty("total").GetInt32());
        // Points answers itself, not the gateway's 404 for an unrouted path: it has no account until Membership activates the member.
        var noAccount = await Problems.AssertAsync(points, HttpStatusCode.NotFound, ReasonCodes.NotFound);
        Assert.Equal("No points account for this member.", noAccount.GetProperty("detail").GetString());
    });

    [Fact]
    public Task Should_let_Points_know_a_member_once_Membership_activates_them() => Scenario(async () =>
    {
        using var member = await _journeys.SignUpAsync(new DateOnly(1990, 1, 1));

        await _journeys.ActivateAsync(member);
        var balance = await _journeys.BalanceAsync(member);

        Assert.Equal(0, balance.GetProperty("available").GetInt64());
        Assert.False(balance.GetProperty("redemptionUnlocked").GetBoolean());
    });

    [Fact]
    public Task Should_credit_a_completed_money_paid_trip_and_tell_the_member() => Scenario(async () =>
    {
        using var member = await _journeys.SignUpAsync(new DateOnly(1955, 6, 1));
        await _journeys.ActivateAsync(member);
        using var operatorClient = await _journeys.StaffAsync("operator");
        var (train, date, _) = await _journeys.FindRedeemableAsync();

        var ticket = await _journeys.SellAtWindowAsync(member, train, date);
        // A trip completes only once it has departed: Ticketing restarts the day after the travel date.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        System["Ticketing"].SetEnvironment("DevelopmentClock__OffsetDays", (date.DayNumber - today.DayNumber + 1).ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        await System.RestartAsync("Ticketing");
        var correlationId = "gate-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            // The ticket gate's call carries a correlation id: it travels gateway -> Ticketing -> TripCompleted -> Points.
            using var gate = new HttpRequestMessage(HttpMethod.Post, $"/api/ticketing/tickets/{ticket.Str("ticketNumber")}/trip-completed") { Content = JsonContent.Create(new { }) };
            gate.Headers.Add("X-Correlation-Id", correlationId);
            using var completed = await operatorClient.SendAsync(gate);
            await completed.ReadJsonAsync(HttpStatusCode.OK, HttpStatusCode.Accepted, HttpStatusCode.NoContent);
            Assert.Equal(correlationId, completed.Headers.GetValues("X-Correlation-Id").Single());
        }
        finally
        {
            System["Ticketing"].SetEnvironment("DevelopmentClock__OffsetDays", null);
            await System.RestartAsync("Ticketing");
        }

        // Aged 60 or more on the trip date: face price x 15, rounded half up.
        var expected = (long)Math.Round(ticket.GetProperty("fare").GetDecimal() * 15, MidpointRounding.AwayFromZero);
        var balance = await Eventually.Until(() => _journeys.BalanceAsync(member), b => b.GetProperty("available").GetInt64() > 0,
            because: "Points credits the TripCompleted that Ticketing published");
        Assert.Equal(expected, balance.GetProperty("available").GetInt64());
        await Eventually.Until(async () => (await _journeys.NotificationsAsync(member)).Any(n => n.Str("bodyEn").Contains(expected.ToString(), StringComparison.Ordinal)),
            because: "Membership tells the member about the credit");
        Assert.Contains(System["Points"].Log, line => line.Contains($"CorrelationId:{correlationId}", StringComparison.Ordinal)
            && line.Contains($"for ticket {ticket.Str("ticketNumber")}", StringComparison.Ordinal));
    });

    [Fact]
    public Task Should_back_register_a_real_money_paid_ticket_from_Ticketings_facts_not_the_form() => Scenario(async () =>
    {
        using var member = await _journeys.SignUpAsync(new DateOnly(1955, 6, 1));
        await _journeys.ActivateAsync(member);
        using var otherMember = await _journeys.SignUpAsync(new DateOnly(1990, 6, 1));
        await _journeys.ActivateAsync(otherMember);
        using var operatorClient = await _journeys.StaffAsync("operator");
        // A train leaving within Points' lead (the harness runs Points ahead): departed in Points' eyes, sold by Ticketing.
        var ticket = Assert.Single(await _journeys.SellEarningTicketsAsync(member, 1m));
        var number = ticket.Str("ticketNumber");

        // The form's face price, date and payment are not read: Points asks Ticketing over RabbitMQ.
        var credited = await operatorClient.PostJsonAsync("/api/points/back-registrations", new
        {
            ticketNumber = number.ToLowerInvariant(),
            memberId = member.Id,
            facePrice = 20_000m,
            departureDate = "2020-01-01",
            paymentMethod = "Points",
        }, HttpStatusCode.Created);
        using var again = await operatorClient.PostAsJsonAsync("/api/points/back-registrations", new { ticketNumber = number, memberId = member.Id });
        using var anotherMembers = await operatorClient.PostAsJsonAsync("/api/points/back-registrations", new { ticketNumber = number, memberId = otherMember.Id });
        using var unknown = await operatorClient.PostAsJsonAsync("/api/points/back-registrations", new { ticketNumber = "E" + Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999), memberId = member.Id });

        // Aged 60 or more on the trip date: Ticketing's fare x 15, rounded half up.
        var expected = (long)Math.Round(ticket.GetProperty("fare").GetDecimal() * 15, MidpointRounding.AwayFromZero);
        Assert.Equal(expected, credited.GetProperty("points").GetInt64());
        Assert.Equal(number, credited.Str("ticketNumber"));
        await Problems.AssertAsync(again, HttpStatusCode.Conflict, ReasonCodes.AlreadyCredited);
        await Problems.AssertAsync(anotherMembers, HttpStatusCode.UnprocessableEntity, ReasonCodes.TicketOfAnotherMember);
        await Problems.AssertAsync(unknown, HttpStatusCode.UnprocessableEntity, ReasonCodes.TicketUnknown);
        Assert.Equal(expected, (await _journeys.BalanceAsync(member)).GetProperty("lifetimeCredited").GetInt64());
    });
}
