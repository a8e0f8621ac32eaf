using Changxing.SystemHarness;
using Changxing.SystemHarness.Scenarios;
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

    /// <summary>How long the system may take to settle after a scenario (re-sent steps and compensations included).</summary>
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// Runs a scenario, then checks that once the system settles nothing leaked: every redemption finished, no points or
    /// seat hold without a live redemption, the ledger balances (<see cref="Invariants"/>). When it fails, the services'
    /// recent log lines go to the test output.
    /// </summary>
    protected async Task Scenario(Func<Task> body)
    {
        try
        {
            await ScenarioLogs.RunAsync(async () =>
            {
                await body();
                await AssertNothingLeakedAsync();
            }, () => System.RecentLogs(), output);
        }
        finally
        {
            // A scenario that stopped a service and failed before restarting it must not take the next ones down too.
            await System.EnsureAllRunningAsync();
        }
    }

    private async Task AssertNothingLeakedAsync()
    {
        IReadOnlyList<string> violations = [];
        try
        {
            await Eventually.Until(async () => (violations = await Invariants.ViolationsAsync(System)).Count == 0, SettleTimeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Something leaked {SettleTimeout.TotalSeconds:0} s after the scenario:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        }
    }
}
