namespace Changxing.Web.Tests;

/// <summary>
/// A member's whole way to a points-paid ticket in the browser, with the reviewer and the station window (operator)
/// in browsers of their own. The failure case prepares its member through the API (the harness's journeys).
/// </summary>
public sealed class RedemptionJourneySpecs(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : BrowserTest(system, chromium, output)
{
    private static readonly string[] Steps = ["Authorised", "PointsReserved", "SeatHeld", "TicketIssued", "PointsCaptured"];

    [Fact]
    public Task Should_take_a_new_member_from_sign_up_to_an_e_ticket_showing_each_step() => Scenario(async () =>
    {
        var run = await Journeys.FindRedeemableAsync();
        var member = await BrowserMember.SignUpAsync(await NewPersonAsync(Phone));
        var memberId = await member.SubmitActivationAsync();

        var reviewer = await StaffAsync("reviewer");
        await reviewer.GotoAsync("/staff/reviews");
        await reviewer.Locator($"article[data-member='{memberId}']").GetByRole(AriaRole.Button, new() { Name = "通过 Approve" }).ClickAsync();
        await Expect(reviewer.Locator($"article[data-member='{memberId}']")).ToHaveCountAsync(0);
        await member.WaitForPointsAccountAsync();

        // Real money-paid tickets whose fares cover the price (x15: aged 60 or more on the trip), on trains that have left
        // in Points' eyes; the station window back-registers the first in the browser, the others through the API.
        using var api = await member.ThroughApiAsync(System);
        var tickets = await Journeys.SellEarningTicketsAsync(api, Math.Ceiling(run.Points / 15m));
        var first = (long)Math.Round(tickets[0].GetProperty("fare").GetDecimal() * 15, MidpointRounding.AwayFromZero);
        var stationWindow = await StaffAsync("operator");
        await stationWindow.GotoAsync($"/staff/back-registration?memberId={memberId}");
        await stationWindow.GetByLabel("车票号").FillAsync(tickets[0].GetProperty("ticketNumber").GetString()!);
        await stationWindow.GetByRole(AriaRole.Button, new() { Name = "补登 Back-register" }).ClickAsync();
        await Expect(stationWindow.GetByRole(AriaRole.Status)).ToContainTextAsync(first.ToString("N0"));
        var earned = first;
        foreach (var ticket in tickets.Skip(1))
        {
            earned += await Journeys.BackRegisterAsync(api, ticket.GetProperty("ticketNumber").GetString()!);
        }

        await member.Page.GotoAsync("/points");
        await Expect(member.Page.GetByTestId("available")).ToHaveTextAsync(earned.ToString("N0"));
        await ScreenshotAsync(member.Page, "points");
        await member.SetConsumptionPasswordAsync();
        await member.OpenRedeemPageAsync(run.Train, run.Date);
        await Expect(member.Page.GetByTestId("price")).ToHaveTextAsync(run.Points.ToString("N0"));
        await Expect(member.Page.GetByTestId("balance")).ToHaveTextAsync(earned.ToString("N0"));
        await ScreenshotAsync(member.Page, "redeem");
        await member.EnterConsumptionPasswordAsync(BrowserMember.ConsumptionPassword);

        // Only the address is awaited: the steps below are what the member must see, each awaited on its own. (Waiting
        // for the page's load event as well timed out twice in CI, on a page that had rendered every step.)
        await member.Page.WaitForURLAsync("**/redemptions/*", new() { WaitUntil = WaitUntilState.Commit });
        await member.Page.EvaluateAsync("() => window.changxingSamePage = true");
        foreach (var step in Steps)
        {
            await Expect(member.Page.Locator($"li.done[data-step='{step}']")).ToBeVisibleAsync();
        }

        await Expect(member.Page.GetByTestId("ticket-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\S+"));
        await Expect(member.Page.GetByTestId("car")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d+"));
        await Expect(member.Page.GetByTestId("seat")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d+\w"));
        Assert.True(await member.Page.EvaluateAsync<bool>("() => window.changxingSamePage === true"), "the steps appeared without a page reload");
        await ScreenshotAsync(member.Page, "redemption-completed");
    });

    [Fact]
    public Task Should_say_why_a_redemption_failed_and_that_nothing_was_taken() => Scenario(async () =>
    {
        var run = await Journeys.FindRedeemableAsync();
        var (member, _, earned) = await ActiveMemberAsync(800m);
        Assert.True(earned is >= 10_000 && earned < run.Points, "past the 10,000 threshold but short of the price");
        await member.SetConsumptionPasswordAsync();

        await member.RedeemAsync(run.Train, run.Date);

        var failure = member.Page.GetByTestId("failure");
        await Expect(failure).ToContainTextAsync("可用积分不足");
        await Expect(failure).ToContainTextAsync("Not enough available points");
        await Expect(failure).ToContainTextAsync("未扣除任何积分");
        await ScreenshotAsync(member.Page, "redemption-failed");
        await member.Page.GotoAsync("/points");
        await Expect(member.Page.GetByTestId("available")).ToHaveTextAsync(earned.ToString("N0"));
    });
}
