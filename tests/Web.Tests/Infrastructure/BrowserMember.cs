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

    /// <summary>
    /// Real-name verification and a face video on the account page (<paramref name="faceVideo"/>, or one that only starts
    /// like a video); then the member waits for a reviewer.
    /// </summary>
    public async Task<Guid> SubmitActivationAsync(FilePayload? faceVideo = null)
    {
        await Page.GotoAsync("/account");
        await Page.GetByLabel("姓名").FillAsync(Name);
        await Page.GetByLabel("身份证号").FillAsync(IdNumber);
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交 Submit" }).ClickAsync();
        await Page.GetByLabel("人脸视频").SetInputFilesAsync(faceVideo ?? FaceVideo());
        await Page.GetByRole(AriaRole.Button, new() { Name = "上传 Upload" }).ClickAsync();
        await Expect(Page.GetByTestId("activation")).ToContainTextAsync("审核中");
        return Guid.Parse(await Page.GetByTestId("member-id").InnerTextAsync());
    }

    /// <summary>Waits until Points has heard of the activation: the points page shows a balance instead of "not active".</summary>
    public Task WaitForPointsAccountAsync() =>
        Changxing.TestSupport.Eventually.Until(async () =>
        {
            await Page.GotoAsync("/points");
            return await Page.GetByTestId("available").CountAsync() == 1;
        }, because: "Points learns of the activation from MemberActivated over RabbitMQ");

    /// <summary>An ISO media header ("ftyp") and enough bytes for the development face verifier.</summary>
    public static FilePayload FaceVideo()
    {
        byte[] header = [0, 0, 0, 0x18, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'m', (byte)'p', (byte)'4', (byte)'2'];
        return new FilePayload { Name = "face.mp4", MimeType = "video/mp4", Buffer = WithHeader(header, 4096) };
    }

    /// <summary>A JPEG's first bytes and random content: what the upload checks look at.</summary>
    public static FilePayload Jpeg(string name) => new() { Name = name, MimeType = "image/jpeg", Buffer = WithHeader([0xFF, 0xD8, 0xFF], 2048) };

    private static byte[] WithHeader(byte[] header, int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        header.CopyTo(bytes, 0);
        return bytes;
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
