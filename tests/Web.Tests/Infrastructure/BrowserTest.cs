using Changxing.SystemHarness;
using Changxing.SystemHarness.Scenarios;
using Changxing.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Changxing.Web.Tests.Infrastructure;

/// <summary>The browser tests share one running system and one Chromium, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SystemUnderTest>, ICollectionFixture<Chromium>
{
    public const string Name = "browser over the running system";
}

[Collection(BrowserCollection.Name)]
[Trait("Category", TestCategories.Browser)]
public abstract class BrowserTest(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : IAsyncLifetime
{
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _console = [];

    protected SystemUnderTest System { get; } = system;

    protected Journeys Journeys { get; } = new(system);

    /// <summary>A fresh browser profile (its own cookies): one per person in a test; <paramref name="headers"/> go with each of its requests.</summary>
    protected async Task<IPage> NewPersonAsync(ViewportSize? viewport = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = System.Gateway.BaseAddress.ToString(),
            ViewportSize = viewport ?? Phone,
            Locale = "zh-CN",
            ExtraHTTPHeaders = headers,
        });
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) => _console.Add($"[browser {message.Type}] {message.Text}");
        return page;
    }

    /// <summary>
    /// A member who signed up in the browser, then was activated by a reviewer and back-registered a trip of
    /// <paramref name="facePrice"/> yuan at a station window (the staff's steps, through the API).
    /// </summary>
    protected async Task<(BrowserMember Member, Member Api, long Earned)> ActiveMemberAsync(decimal facePrice)
    {
        var member = await BrowserMember.SignUpAsync(await NewPersonAsync(Phone));
        var api = await member.ThroughApiAsync(System);
        await Journeys.ActivateAsync(api);
        return (member, api, await Journeys.EarnAsync(api, facePrice));
    }

    /// <summary>A member (through the API only) whose redemption failed for want of points; waits until it finished.</summary>
    protected async Task<(Member Member, Guid RedemptionId)> MemberWithFailedRedemptionAsync()
    {
        var run = await Journeys.FindRedeemableAsync();
        var member = await Journeys.RichMemberAsync(10_000);
        var redemptionId = await Journeys.RedeemAsync(member, run.Train, run.Date, await Journeys.AuthoriseAsync(member));
        await Journeys.WaitFinishedAsync(member, redemptionId);
        return (member, redemptionId);
    }

    /// <summary>A staff member signed in on the staff sign-in page with the development account of <paramref name="role"/>.</summary>
    protected async Task<IPage> StaffAsync(string role, ViewportSize? viewport = null)
    {
        var page = await NewPersonAsync(viewport ?? Desktop);
        await page.GotoAsync("/staff/signin");
        await page.GetByLabel("用户名").FillAsync(role);
        await page.GetByLabel("密码").FillAsync($"dev-only-{char.ToUpperInvariant(role[0])}{role[1..]}-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录 Sign in" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作台 Staff desk" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>What a failing test leaves behind: each page's address, console and a screenshot, and the services' recent logs.</summary>
    private async Task KeepEvidenceAsync()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "changxing-browser-failures")).FullName;
        foreach (var page in _contexts.SelectMany(c => c.Pages))
        {
            var file = Path.Combine(folder, $"{Guid.NewGuid():N}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            output.WriteLine($"Page {page.Url}: screenshot {file}");
        }

        foreach (var line in _console)
        {
            output.WriteLine(line);
        }

        output.WriteLine(System.RecentLogs());
    }

    /// <summary>Saves a screenshot for the README when CHANGXING_SCREENSHOTS names a folder (docs/screenshots).</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("CHANGXING_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }
    }

    /// <summary>Runs the test's steps; when they fail, the services' recent log lines go to the test output.</summary>
    protected async Task Scenario(Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            await KeepEvidenceAsync();
            throw;
        }
    }
}
