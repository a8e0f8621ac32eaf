namespace Changxing.Web.Tests;

public sealed class SearchPageSpecs(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : BrowserTest(system, chromium, output)
{
    [Fact]
    public Task Should_show_the_red_dui_mark_and_its_points_price_on_a_phone() => Scenario(async () =>
    {
        var run = await Journeys.FindRedeemableAsync();
        var page = await NewPersonAsync(Phone);

        await page.GotoAsync($"/?from=VNP&to=AOH&date={run.Date:yyyy-MM-dd}");

        var train = page.Locator($"article[data-train='{run.Train}']");
        var second = train.Locator("li.redeemable", new() { HasText = "二等座" });
        await Expect(second.Locator(".dui")).ToHaveTextAsync("兑");
        await Expect(second.Locator(".points-price")).ToContainTextAsync(run.Points.ToString("N0"));
        await Expect(train.Locator(".duration")).ToBeVisibleAsync();
        var mark = await second.Locator(".dui").BoundingBoxAsync();
        Assert.NotNull(mark);
        Assert.True(mark.X + mark.Width <= Phone.Width, "the 兑 mark is on the phone's screen, not off to the right");
        await ScreenshotAsync(page, "search-phone");
    });
}
