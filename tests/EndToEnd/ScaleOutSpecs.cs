using System.Diagnostics;
using System.Net;
using Changxing.EndToEnd.Infrastructure;
using Changxing.Messaging.Data;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Faults;
using Changxing.SystemHarness.Scenarios;
using Changxing.TestSupport;
using Xunit.Abstractions;

namespace Changxing.EndToEnd;

/// <summary>
/// Issue #15's scale-out drill: two instances of Membership, Points and Ticketing on PostgreSQL behind the gateway,
/// several members redeeming at once, and midway one instance of each service killed with kill -9 and left down. The
/// survivors must finish every redemption (completed, or failed with a reason) and every invariant must hold: no seat
/// leg sold twice, no points spent twice, every ledger balanced (quotas are held by the run lock; an operator may lower
/// one below what is sold, so "used ≤ quota" is no invariant). Meanwhile one more member enters six wrong consumption
/// passwords in quick succession, spread over both Membership instances; their strikes are consumed by both Ticketing
/// instances side by side: two runs of three, and still exactly one support ticket (one is open at a time).
/// </summary>
[Collection(RunningSystemCollection.Name)]
[Trait("Category", TestCategories.EndToEnd)]
[Trait("Category", ScaleOut)]
public sealed class ScaleOutSpecs(ITestOutputHelper output)
{
    public const string ScaleOut = nameof(ScaleOut);

    private const int Instances = 2;
    private const int Members = 6;
    private const int Runs = 26; // the load lasts about 21 s at one redemption a second: each member is given the points for 26
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Between = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(120);
    private const int WrongPasswords = 6;

    [Fact]
    public async Task Should_finish_every_redemption_and_keep_every_invariant_when_one_of_two_instances_of_each_service_is_killed_under_load()
    {
        var clock = Stopwatch.StartNew();
        void Log(string line) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0} s] {line}");
        var options = FaultRun.Options(DatabaseProvider.Postgres, StepTimeout) with { Instances = Instances, Label = "scale-out" };
        await using var system = await SystemUnderTest.StartAsync(options);
        Log($"system started: {Instances} instances of {string.Join(", ", SystemUnderTest.Services)} on PostgreSQL");
        Member[] members = [];
        try
        {
            var journeys = new Journeys(system);
            var runs = await journeys.RedeemableRunsAsync().Take(Runs).ToListAsync();
            members = await Task.WhenAll(Enumerable.Range(0, Members).Select(_ => journeys.RichMemberAsync(runs.Sum(r => r.Points))));
            var stream = new RedemptionStream(system, members, runs, Pace);
            Log($"{Members} members ready to redeem {runs.Count} runs each");

            using var striker = await journeys.SignUpAsync(new DateOnly(1980, 3, 3));
            await journeys.ActivateAsync(striker);
            await journeys.SetConsumptionPasswordAsync(striker);
            // One after another: entries racing on the same counter would be refused as concurrent and count no strike.
            for (var i = 0; i < WrongPasswords; i++)
            {
                using var refused = await journeys.AuthoriseWithAsync(striker, "000111");
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            }

            Log($"{WrongPasswords} wrong consumption passwords entered (the fifth locks it)");

            Fault[] kills = [.. SystemUnderTest.Services.Select(s => Fault.KillInstance(SystemUnderTest.InstanceName(s, Instances)))];

            var result = await FaultRun.RunAsync(system, journeys, kills, stream.RunAsync, Between, SettleTimeout, Log, restartStopped: false);

            Log($"accepted {stream.Accepted.Count} redemptions; {stream.Unanswered} calls retried; {result}");
            Assert.All(SystemUnderTest.Services, s => Assert.False(system[SystemUnderTest.InstanceName(s, Instances)].IsRunning));
            Assert.True(stream.Accepted.Count >= 2 * Members, $"the members kept redeeming through the kills (accepted {stream.Accepted.Count})");
            Assert.Contains("Completed", result.Report.ByState.Keys);
            Assert.DoesNotContain("(none)", result.Report.FailedByReason.Keys);
            Assert.True(result.Report.Holds, result.Report.ToString());
            var tickets = await striker.Http.GetJsonAsync("/api/membership/support-tickets");
            Assert.Equal(1, tickets.GetArrayLength());
            Assert.Equal("积分支付异常", tickets[0].Str("keyword"));
        }
        catch
        {
            output.WriteLine("Service logs (most recent lines):");
            output.WriteLine(system.RecentLogs(80));
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
