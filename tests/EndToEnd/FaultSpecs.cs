using System.Diagnostics;
using Changxing.Contracts;
using Changxing.EndToEnd.Infrastructure;
using Changxing.Messaging.Data;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Faults;
using Changxing.SystemHarness.Scenarios;
using Changxing.TestSupport;
using Xunit.Abstractions;

namespace Changxing.EndToEnd;

/// <summary>
/// The short versions of issue #9's fault drill. Killing Points or Ticketing also throws away every queued message,
/// messages lost in the broker after the outbox handed them over: the step deadlines must recover those redemptions. Each test starts a system of its own (short step deadlines, so a command
/// lost in a crash is re-sent within seconds), keeps a few members redeeming, injects faults that touch only that
/// system (its processes, its RabbitMQ virtual host, its PostgreSQL databases: other suites share the broker and the
/// server), then waits for it to settle and checks every invariant. The full drill, which restarts RabbitMQ and
/// PostgreSQL themselves, is the <c>faults</c> benchmark command.
/// </summary>
[Collection(RunningSystemCollection.Name)]
[Trait("Category", TestCategories.EndToEnd)]
public sealed class FaultSpecs(ITestOutputHelper output)
{
    private const int Members = 4;

    // Runs each member can redeem, and is given the points for (seeding them is most of a drill's set-up): the stream
    // redeems one every Pace while the faults last, about 100 s in CI for the six process and broker faults, 35 s for
    // the database's.
    private const int RunsThroughProcessFaults = 36;
    private const int RunsThroughDatabaseFault = 16;
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Between = TimeSpan.FromSeconds(3);

    // Calls hang (rather than fail) while PostgreSQL refuses connections: the load needs longer afterwards to show recovery.
    private static readonly TimeSpan BetweenDatabaseFaults = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public Task Should_finish_every_redemption_and_leak_nothing_when_each_process_is_killed_and_the_broker_drops_out_under_load() =>
        DrillAsync(DatabaseProvider.Sqlite, Between, RunsThroughProcessFaults,
        [
            Fault.KillLosingQueuedMessages("Points"),
            Fault.KillLosingQueuedMessages("Ticketing"),
            Fault.KillAndRestart("Membership"),
            Fault.KillAndRestart("Gateway"),
            Fault.DropBrokerConnections(),
            Fault.RefuseBrokerConnections(TimeSpan.FromSeconds(5)),
        ]);

    [Fact]
    public Task Should_finish_every_redemption_and_leak_nothing_when_PostgreSQL_refuses_connections_for_10_s_under_load() =>
        DrillAsync(DatabaseProvider.Postgres, BetweenDatabaseFaults, RunsThroughDatabaseFault,
        [
            Fault.RefuseDatabaseConnections(TimeSpan.FromSeconds(10)),
        ]);

    private async Task DrillAsync(DatabaseProvider database, TimeSpan between, int runsPerMember, Fault[] faults)
    {
        var clock = Stopwatch.StartNew();
        void Log(string line) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0} s] {line}");
        await using var system = await SystemUnderTest.StartAsync(FaultRun.Options(database, StepTimeout));
        Log($"system started on {database}");
        Member[] members = [];
        try
        {
            var journeys = new Journeys(system);
            var runs = await journeys.RedeemableRunsAsync().Take(runsPerMember).ToListAsync();
            // One member more, with a single ticket's points (below the 10,000 that unlock redemption): each of their
            // redemptions fails as a payment and counts a strike, so the strike counts are checked through the faults.
            members = await Task.WhenAll(Enumerable.Range(0, Members).Select(_ => journeys.RichMemberAsync(runs.Sum(r => r.Points)))
                .Append(journeys.RichMemberAsync(1)));
            var stream = new RedemptionStream(system, members, runs, Pace);
            Log($"{Members} members ready to redeem {runs.Count} runs each, and one below the redemption threshold");

            var result = await FaultRun.RunAsync(system, journeys, faults, stream.RunAsync, between, SettleTimeout, Log);

            Log($"accepted {stream.Accepted.Count} redemptions; {stream.Unanswered} calls retried during faults; {result}");
            Assert.True(stream.Accepted.Count >= faults.Length, $"the stream kept redeeming through the faults (accepted {stream.Accepted.Count})");
            Assert.Contains("Completed", result.Report.ByState.Keys);
            Assert.Contains(ReasonCodes.BelowRedemptionThreshold, result.Report.FailedByReason.Keys);
            if (faults.Any(f => f.Name.Contains("lose", StringComparison.Ordinal)))
            {
                Assert.True(result.Report.RecoveredByDeadline > 0, "messages were lost, so some redemption must have been recovered by a step deadline's re-send");
            }

            Assert.True(result.Report.Holds, result.Report.ToString());
        }
        catch
        {
            output.WriteLine("Service logs (most recent lines):");
            output.WriteLine(system.RecentLogs(120));
            throw;
        }
        finally
        {
            foreach (var member in members)
            {
                member.Dispose();
            }
        }
    }
}
