using System.Net;
using Changxing.EndToEnd.Infrastructure;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Scenarios;
using Changxing.TestSupport;
using Xunit.Abstractions;

namespace Changxing.EndToEnd;

/// <summary>Redeeming points for a ticket with the four real processes over RabbitMQ; after each, nothing is left held and the ledger balances.</summary>
public sealed class RedemptionSpecs(SystemUnderTest system, ITestOutputHelper output) : EndToEndTest(system, output)
{
    private readonly Journeys _journeys = new(system);

    [Fact]
    public Task Should_redeem_a_ticket_for_an_effective_beneficiary_and_notify_the_member() => Scenario(async () =>
    {
        var (train, date, price) = await _journeys.FindRedeemableAsync();
        using var member = await _journeys.RichMemberAsync(price);
        var beneficiary = await _journeys.AddVerifiedBeneficiaryAsync(member);

        // The beneficiary becomes effective 60 natural days after submission: Membership restarts 61 days later.
        System["Membership"].SetEnvironment("DevelopmentClock__OffsetDays", "61");
        await System.RestartAsync("Membership");
        try
        {
            var code = await _journeys.AuthoriseAsync(member);
            var id = await _journeys.RedeemAsync(member, train, date, code, beneficiary);
            var done = await _journeys.WaitFinishedAsync(member, id);

            Assert.Equal("Completed", done.Str("state"));
            Assert.Equal("受让人乙", done.GetProperty("passenger").Str("name"));
            var ticketNumber = done.Str("ticketNumber");
            Assert.False(string.IsNullOrEmpty(done.Str("seat")));
            await Eventually.Until(async () => (await _journeys.NotificationsAsync(member)).Any(n => n.Str("bodyEn").Contains(ticketNumber, StringComparison.Ordinal)),
                because: "the member is told the ticket number");
            var balance = await _journeys.BalanceAsync(member);
            Assert.Equal(price, balance.GetProperty("captured").GetInt64());
        }
        finally
        {
            System["Membership"].SetEnvironment("DevelopmentClock__OffsetDays", null);
            await System.RestartAsync("Membership");
        }

    });

    [Fact]
    public Task Should_fail_before_any_seat_is_held_when_available_points_are_insufficient() => Scenario(async () =>
    {
        var (train, date, price) = await _journeys.FindRedeemableAsync();
        using var member = await _journeys.SignUpAsync(new DateOnly(1950, 3, 3));
        await _journeys.ActivateAsync(member);
        var earned = await _journeys.EarnAsync(member, 700m);
        Assert.InRange(earned, 10_000, price - 1);
        await _journeys.SetConsumptionPasswordAsync(member);

        var id = await _journeys.RedeemAsync(member, train, date, await _journeys.AuthoriseAsync(member));
        var failed = await _journeys.WaitFinishedAsync(member, id);

        Assert.Equal("Failed", failed.Str("state"));
        Assert.Equal("InsufficientAvailablePoints", failed.Str("reason"));
        Assert.DoesNotContain(failed.GetProperty("timeline").EnumerateArray(), e => e.Str("event") == "SeatHeld");
        Assert.Equal(0, (await _journeys.BalanceAsync(member)).GetProperty("held").GetInt64());
    });

    [Fact]
    public Task Should_release_the_points_hold_when_the_quota_is_gone_by_the_time_a_seat_is_held() => Scenario(async () =>
    {
        var (train, date, price) = await _journeys.FindRedeemableAsync();
        using var member = await _journeys.RichMemberAsync(price);
        var code = await _journeys.AuthoriseAsync(member);

        // Points is down, so the accepted redemption waits at its reserve step while the operator withdraws the quota.
        await System["Points"].StopAsync(kill: true);
        var id = await _journeys.RedeemAsync(member, train, date, code);
        await Eventually.Until(() => member.Http.GetJsonAsync($"/api/redemptions/{id}"), r => r.Str("state") == "ReservingPoints");
        using var operatorClient = await _journeys.StaffAsync("operator");
        foreach (var allotment in (await operatorClient.GetJsonAsync($"/api/ticketing/runs/{train}/{date:yyyy-MM-dd}/allotments")).EnumerateArray())
        {
            await PutQuotaZeroAsync(operatorClient, train, date, allotment.GetProperty("id").GetGuid());
        }

        System["Points"].Start();
        await System.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var failed = await _journeys.WaitFinishedAsync(member, id);

        Assert.Equal("QuotaExhausted", failed.Str("reason"));
        Assert.Contains(failed.GetProperty("timeline").EnumerateArray(), e => e.Str("event") == "PointsReleased");
        var balance = await _journeys.BalanceAsync(member);
        Assert.Equal(0, balance.GetProperty("held").GetInt64());
        Assert.True(balance.GetProperty("available").GetInt64() >= price);
    });

    [Fact]
    public Task Should_open_a_support_ticket_after_three_wrong_consumption_passwords_in_a_row() => Scenario(async () =>
    {
        using var member = await _journeys.SignUpAsync(new DateOnly(1985, 8, 8));
        await _journeys.ActivateAsync(member);
        await _journeys.SetConsumptionPasswordAsync(member);

        for (var i = 0; i < 3; i++)
        {
            using var refused = await _journeys.AuthoriseWithAsync(member, "000111");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var tickets = await Eventually.Until(() => member.Http.GetJsonAsync("/api/membership/support-tickets"),
            t => t.GetArrayLength() == 1, because: "the third strike opens a support ticket (客服工单)");
        var ticket = tickets[0];
        Assert.Equal("积分支付异常", ticket.Str("keyword"));
        var number = ticket.Str("number");
        await Eventually.Until(async () => (await _journeys.NotificationsAsync(member)).Any(n => n.Str("bodyZh").Contains(number, StringComparison.Ordinal)),
            because: "the member sees the ticket number in the inbox");
    });

    [Fact]
    public Task Should_complete_a_redemption_when_Points_is_killed_mid_way_and_restarted() => Scenario(async () =>
    {
        var (train, date, price) = await _journeys.FindRedeemableAsync();
        using var member = await _journeys.RichMemberAsync(price);
        var code = await _journeys.AuthoriseAsync(member);

        await System["Points"].StopAsync(kill: true);
        var id = await _journeys.RedeemAsync(member, train, date, code);
        await Eventually.Until(() => member.Http.GetJsonAsync($"/api/redemptions/{id}"), r => r.Str("state") == "ReservingPoints");
        System["Points"].Start();
        await System.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var done = await _journeys.WaitFinishedAsync(member, id, TimeSpan.FromSeconds(90));

        Assert.Equal("Completed", done.Str("state"));
        Assert.Equal(price, (await _journeys.BalanceAsync(member)).GetProperty("captured").GetInt64());
    });

    private static async Task PutQuotaZeroAsync(HttpClient operatorClient, string train, DateOnly date, Guid allotment)
    {
        using var response = await operatorClient.PutAsync(
            new Uri($"/api/ticketing/runs/{train}/{date:yyyy-MM-dd}/allotments/{allotment}", UriKind.Relative),
            global::System.Net.Http.Json.JsonContent.Create(new { quota = 0 }));
        await response.ReadJsonAsync();
    }
}
