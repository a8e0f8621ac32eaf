using Xunit.Abstractions;

namespace Changxing.EndToEnd.Infrastructure;

/// <summary>Runs a scenario; when it fails, the services' recent log lines go to the test output and the failure still propagates.</summary>
public static class ScenarioLogs
{
    public const string Heading = "Service logs (most recent lines):";

    public static async Task RunAsync(Func<Task> body, Func<string> recentLogs, ITestOutputHelper output)
    {
        try
        {
            await body();
        }
        catch
        {
            output.WriteLine(Heading);
            output.WriteLine(recentLogs());
            throw;
        }
    }
}
