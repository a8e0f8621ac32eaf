using Microsoft.Playwright;

namespace Changxing.Web.Tests.Infrastructure;

/// <summary>
/// Playwright on the system's Chromium (the Debian package; scripts/test.sh installs it). Playwright's own browser
/// download is not used. A missing browser fails the tests with what to install: they never skip.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string DefaultPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? DefaultPath;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}: the browser tests need it. Install it with " +
                "'sudo apt-get install -y chromium fonts-noto-cjk' (scripts/test.sh does), or set CHROMIUM_PATH.");
        }

        // Sagas and inbox messages take seconds, more on a busy shared machine: wait for what the user would see, up to
        // the 60 s the end-to-end journeys give a redemption to finish.
        Assertions.SetDefaultExpectTimeout(60_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
