using System.Diagnostics;
using Changxing.Messaging.Data;
using Changxing.SystemHarness.Scenarios;

namespace Changxing.SystemHarness.Faults;

/// <summary>What a fault run did: each fault and how long it lasted, then the settled system's invariant report.</summary>
public sealed record FaultRunResult(
    IReadOnlyList<(string Fault, TimeSpan Took)> Faults,
    TimeSpan LoadRan,
    TimeSpan Settled,
    InvariantReport Report,
    IReadOnlyDictionary<string, long> ErrorQueues)
{
    public override string ToString() =>
        $"load ran {LoadRan.TotalSeconds:0} s, settled in {Settled.TotalSeconds:0.0} s; messages in _error queues: " +
        (ErrorQueues.Count == 0 ? "none" : string.Join(", ", ErrorQueues.Select(q => $"{q.Key} {q.Value}"))) +
        Environment.NewLine + Report;
}

/// <summary>
/// Issue #9's fault drill: while a load of redemptions runs, inject each fault in turn (each returns once the system is
/// ready again), stop the load, let the system settle and check the invariants. The load is the caller's: a small
/// <see cref="RedemptionStream"/> in the short tests, the load benchmark's generator in the fault command.
/// </summary>
public static class FaultRun
{
    /// <summary>
    /// Settings for a system under faults: steps re-sent after a few seconds rather than 30 (so a command lost in a
    /// crash is recovered within the run), a lost deadline event signalled again as soon, and the gateway's per-caller limits out of the way of a few busy members.
    /// </summary>
    public static SystemOptions Options(DatabaseProvider database, TimeSpan stepTimeout) => new()
    {
        Database = database,
        Label = "faults",
        Environment = new Dictionary<string, string>
        {
            ["Redemptions__StepTimeout"] = stepTimeout.ToString("c"),
            ["Redemptions__CompensationRetryInterval"] = stepTimeout.ToString("c"),
            ["StepDeadlines__ResignalAfter"] = stepTimeout.ToString("c"),
            ["Gateway__RateLimits__Payment__PermitLimit"] = "100000",
            ["Gateway__RateLimits__Redemption__PermitLimit"] = "100000",
            ["Gateway__RateLimits__PerCaller__PermitLimit"] = "100000",
        },
    };

    /// <summary>
    /// <paramref name="journeys"/> reads the balances at the end (see <see cref="Invariants.CheckAsync"/>). Stopped
    /// processes are started again before settling unless <paramref name="restartStopped"/> is off (the scale-out
    /// drill settles on the surviving instances).
    /// </summary>
    public static async Task<FaultRunResult> RunAsync(
        SystemUnderTest system,
        Journeys journeys,
        IReadOnlyList<Fault> faults,
        Func<CancellationToken, Task> load,
        TimeSpan between,
        TimeSpan settleTimeout,
        Action<string> log,
        bool restartStopped = true)
    {
        using var stop = new CancellationTokenSource();
        var loadWatch = Stopwatch.StartNew();
        var running = load(stop.Token);
        var took = new List<(string, TimeSpan)>();
        try
        {
            foreach (var fault in faults)
            {
                await Task.Delay(between);
                log($"fault: {fault.Name}");
                var watch = Stopwatch.StartNew();
                var observed = await fault.InjectAsync(system);
                took.Add((observed is null ? fault.Name : $"{fault.Name} ({observed})", watch.Elapsed));
                log($"  system ready again after {watch.Elapsed.TotalSeconds:0.0} s{(observed is null ? "" : "; " + observed)}");
            }

            await Task.Delay(between);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
            if (restartStopped)
            {
                await system.EnsureAllRunningAsync();
            }
        }

        var loadRan = loadWatch.Elapsed;
        log($"load stopped after {loadRan.TotalSeconds:0} s; settling");
        var (report, settled) = await Settling.SettleAsync(system, journeys, settleTimeout);
        log($"settled in {settled.TotalSeconds:0.0} s");
        return new FaultRunResult(took, loadRan, settled, report, await BrokerQueues.ErrorsAsync(system.VirtualHost));
    }
}
