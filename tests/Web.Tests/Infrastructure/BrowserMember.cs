using System.Net.Http.Json;
using System.Text.Json;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Scenarios;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Changxing.Web.Tests.Infrastructure;

/// <summary>A member who uses the web pages in their own browser profile; the same person through the API for staff-side steps.</summary>
public sealed class BrowserMember(IPage page, string name, string idNumber, string phone)
{
    public const string ConsumptionPassword = Journeys.ConsumptionPassword;

    public IPage Page { get; } = page;
    public string Name { get; } = name;
    public string IdNumber { get; } = idNumber;
    public string Phone { get; } = phone;

    /// <summary>Signs up on the sign-up page (aged 60+, so back-registered trips earn x15) and lands signed in.</summary>
    public static async Task<BrowserMember> SignUpAsync(IPage page, DateOnly? birthDate = null)
    {
        var member = new BrowserMember(
            page,
            "网页" + (char)('甲' + Random.Shared.Next(0, 10)),
            ResidentIdNumbers.New(birthDate ?? new DateOnly(1950, 3, 8)),
            "13" + Random.Shared.NextInt64(100_000_000, 999_999_999));
        await page.GotoAsync("/signup");
        await page.GetByLabel("姓名").FillAsync(member.Name);
        await page.GetByLabel("身份证号").FillAsync(member.IdNumber);
        await page.GetByLabel("手机号").FillAsync(member.Phone);
        await page.GetByLabel("登录密码").FillAsync(Journeys.LoginPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "注册 Sign up" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出 Sign out" })).ToBeVisibleAsync();
        return member;
    }

    /// <summary>The same member through the API, for the steps other people take (review, back-registration).</summary>
    public async Task<Member> ThroughApiAsync(SystemUnderTest system)
    {
        using var anonymous = system.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/api/membership/accounts/sign-in", new { phone = Phone, password = Journeys.LoginPassword });
        var signedIn = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Member(signedIn.GetProperty("subjectId").GetGuid(), Name, IdNumber, Phone,
            Member.ClientWithToken(system.Gateway.BaseAddress, signedIn.GetProperty("accessToken").GetString()!));
    }

    public async Task SetConsumptionPasswordAsync()
    {
        await Page.GotoAsync("/account/consumption-password");
        await Page.GetByLabel("新消费密码").FillAsync(ConsumptionPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "设置 Set" }).ClickAsync();
        await Expect(Page.GetByTestId("password-state")).ToContainTextAsync("已设置");
    }

    /// <summary>From the search page, the "兑换" link of a train's second class, then the consumption password.</summary>
    public async Task RedeemAsync(string train, DateOnly date, string consumptionPassword = ConsumptionPassword)
    {
        await OpenRedeemPageAsync(train, date);
        await EnterConsumptionPasswordAsync(consumptionPassword);
    }

    public async Task OpenRedeemPageAsync(string train, DateOnly date)
    {
        await Page.GotoAsync($"/?from=VNP&to=AOH&date={date:yyyy-MM-dd}");
        await Page.Locator($"article[data-train='{train}'] li.redeemable", new() { HasText = "二等座" }).GetByRole(AriaRole.Link, new() { Name = "兑换 Redeem" }).ClickAsync();
    }

    public async Task EnterConsumptionPasswordAsync(string consumptionPassword)
    {
        await Page.GetByTestId("consumption-password").FillAsync(consumptionPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "确认兑换 Redeem" }).ClickAsync();
    }
}
