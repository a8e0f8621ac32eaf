using System.Globalization;

namespace Changxing.Web.Tests;

public sealed class OperatorSpecs(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : BrowserTest(system, chromium, output)
{
    [Fact]
    public Task Should_find_a_members_failed_redemption_by_member_and_state_and_open_its_timeline() => Scenario(async () =>
    {
        var (member, redemptionId) = await MemberWithFailedRedemptionAsync();
        var staff = await StaffAsync("operator");

        await staff.GotoAsync("/staff/redemptions");
        await staff.GetByLabel("会员").FillAsync(member.Id.ToString());
        await staff.GetByLabel("状态").SelectOptionAsync("Failed");
        await staff.GetByRole(AriaRole.Button, new() { Name = "筛选 Filter" }).ClickAsync();

        await Expect(staff.Locator("[data-redemption]")).ToHaveCountAsync(1);
        await Expect(staff.Locator($"[data-redemption='{redemptionId}']")).ToHaveTextAsync("Failed");
        await ScreenshotAsync(staff, "operator-redemptions");
        await staff.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^\d{4}-\d{2}-\d{2}") }).ClickAsync();
        var timeline = staff.Locator("table.timeline");
        await Expect(timeline).ToContainTextAsync("Authorised");
        await Expect(timeline).ToContainTextAsync("PointsRejected");
        await Expect(timeline).ToContainTextAsync("InsufficientAvailablePoints");
        await ScreenshotAsync(staff, "operator-timeline");
    });

    [Fact]
    public Task Should_show_a_runs_dui_allotment_and_let_the_operator_raise_its_quota() => Scenario(async () =>
    {
        var run = await Journeys.FindRedeemableAsync();
        var staff = await StaffAsync("operator");

        await staff.GotoAsync($"/staff/allotments?train={run.Train}&date={run.Date:yyyy-MM-dd}");
        var second = staff.Locator("tr[data-allotment]", new() { HasText = "二等座" }).First;
        var quota = second.GetByLabel("名额");
        var before = int.Parse(await quota.InputValueAsync(), CultureInfo.InvariantCulture);
        await quota.FillAsync((before + 1).ToString(CultureInfo.InvariantCulture));
        await second.GetByRole(AriaRole.Button, new() { Name = "保存 Save" }).ClickAsync();

        await Expect(staff.Locator("tr[data-allotment]", new() { HasText = "二等座" }).First.GetByLabel("名额")).ToHaveValueAsync((before + 1).ToString(CultureInfo.InvariantCulture));
        await Expect(staff.Locator("p.problem")).ToHaveCountAsync(0);
    });
}
