namespace Changxing.Web.Tests;

public sealed class ConsumptionPasswordSpecs(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : BrowserTest(system, chromium, output)
{
    [Fact]
    public Task Should_show_the_support_ticket_number_in_the_inbox_after_three_wrong_consumption_passwords() => Scenario(async () =>
    {
        var run = await Journeys.FindRedeemableAsync();
        var (member, _, _) = await ActiveMemberAsync(800m);
        await member.SetConsumptionPasswordAsync();
        await member.OpenRedeemPageAsync(run.Train, run.Date);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await member.EnterConsumptionPasswordAsync("135792");
            await Expect(member.Page.Locator("p.problem[data-reason='WrongConsumptionPassword']")).ToContainTextAsync("消费密码错误");
        }

        await member.Page.GotoAsync("/inbox");
        var ticketNumber = new Regex(@"GD\d{8}-\d{6}");
        await Expect(member.Page.Locator("ul.inbox li[data-kind='SupportTicketOpened']")).ToContainTextAsync(ticketNumber);
        await ScreenshotAsync(member.Page, "inbox");
    });
}
