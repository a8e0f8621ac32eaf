namespace Changxing.EndToEnd.Infrastructure;

/// <summary>What a failing end-to-end scenario leaves in the test output; no running system needed.</summary>
public sealed class ScenarioLogsSpecs
{
    [Fact]
    public async Task Should_write_the_services_logs_to_the_output_and_still_fail()
    {
        var output = new CapturedTestOutput();
        var logs = "12:00:01.000 [Gateway] info: request /api/points/me/balance\n12:00:01.020 [Points] fail: ledger unavailable";

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ScenarioLogs.RunAsync(() => throw new InvalidOperationException("balance was 0"), () => logs, output));

        Assert.Equal("balance was 0", failure.Message);
        Assert.Contains(ScenarioLogs.Heading, output.Text, StringComparison.Ordinal);
        Assert.Contains("[Points] fail: ledger unavailable", output.Text, StringComparison.Ordinal);
        Assert.Contains("[Gateway] info", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_write_nothing_when_the_scenario_passes()
    {
        var output = new CapturedTestOutput();

        await ScenarioLogs.RunAsync(() => Task.CompletedTask, () => "[Points] info: fine", output);

        Assert.Empty(output.Text);
    }
}
