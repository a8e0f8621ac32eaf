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

    protected SystemUnderTest System { get; } = system;

    protected Journeys Journeys { get; } = new(system);

    /// <summary>A fresh browser profile (its own cookies): one per person in a test.</summary>
    protected async Task<IPage> NewPersonAsync(ViewportSize? viewport = null)
    {
        var context = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = System.Gateway.BaseAddress.ToString(),
            ViewportSize = viewport ?? Phone,
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
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
            output.WriteLine(System.RecentLogs());
            throw;
        }
    }
}
