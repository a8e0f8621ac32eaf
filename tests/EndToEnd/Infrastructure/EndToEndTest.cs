using Changxing.SystemHarness;
using Changxing.TestSupport;
using Xunit.Abstractions;

namespace Changxing.EndToEnd.Infrastructure;

/// <summary>All end-to-end tests share one running system (starting it takes seconds) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RunningSystemCollection : ICollectionFixture<SystemUnderTest>
{
    public const string Name = "running system";
}

[Collection(RunningSystemCollection.Name)]
[Trait("Category", TestCategories.EndToEnd)]
public abstract class EndToEndTest(SystemUnderTest system, ITestOutputHelper output)
{
    protected SystemUnderTest System { get; } = system;

    /// <summary>Runs a scenario; when it fails, the services' recent log lines go to the test output.</summary>
    protected async Task Scenario(Func<Task> body)
    {
        try
        {
            await ScenarioLogs.RunAsync(body, () => System.RecentLogs(), output);
        }
        finally
        {
            // A scenario that stopped a service and failed before restarting it must not take the next ones down too.
            await System.EnsureAllRunningAsync();
        }
    }
}
