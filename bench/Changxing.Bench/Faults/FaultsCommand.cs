using System.Globalization;
using Changxing.ServiceDefaults.Data;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Faults;
using Changxing.SystemHarness.Scenarios;
using Spectre.Console;

namespace Changxing.Bench.Faults;

/// <summary>
/// Issue #9's fault drill, run by hand: the four real processes under a steady stream of redemptions while each
/// service is killed with -9 and restarted in turn, RabbitMQ is restarted, and PostgreSQL refuses connections for
/// 10 s; then the load stops, the system settles, and the invariants are checked and printed. Exits 1 when one is
/// broken. It restarts the machine's RabbitMQ (and, by default, stops its PostgreSQL server): do not run it while
/// other test runs use them.
/// </summary>
public static class FaultsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = FaultsOptions.Parse(args);
        AnsiConsole.MarkupLine($"[bold]faults[/]: {options.Database}, {options.Members} members, step deadline {options.StepTimeout.TotalSeconds:0} s, " +
                               $"PostgreSQL outage: {options.PostgresOutage} for {options.PostgresDown.TotalSeconds:0} s");

        await using var system = await Status("starting the system", () => SystemUnderTest.StartAsync(FaultRun.Options(options.Database, options.StepTimeout)));
        var journeys = new Journeys(system);
        var runs = await journeys.RedeemableRunsAsync().Take(options.RunsPerMember).ToListAsync();
        var members = await Status($"signing up {options.Members} members with points for {runs.Count} redemptions each",
            () => Task.WhenAll(Enumerable.Range(0, options.Members).Select(_ => journeys.RichMemberAsync(runs.Sum(r => r.Points)))));
        try
        {
            var stream = new RedemptionStream(system, members, runs, options.Pace);
            var result = await Status("redeeming under faults", () =>
                FaultRun.RunAsync(system, Plan(options), stream.RunAsync, options.Between, options.SettleTimeout,
                    line => AnsiConsole.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss}[/] {line}")));

            Print(options, stream, result);
            return result.Report.Holds ? 0 : 1;
        }
        catch
        {
            AnsiConsole.WriteLine(system.RecentLogs(80));
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

    private static List<Fault> Plan(FaultsOptions options)
    {
        var plan = SystemUnderTest.Services.Append("Gateway").Select(Fault.KillAndRestart).ToList();
        plan.Add(Fault.RestartBroker(options.BrokerDown));

        // What a kill between a commit and its publish loses, done on purpose: only the step deadlines can recover it.
        plan.Add(Fault.KillLosingQueuedMessages("Points"));
        plan.Add(Fault.KillLosingQueuedMessages("Ticketing"));
        if (options.Database == DatabaseProvider.Postgres)
        {
            plan.Add(options.PostgresOutage == "server"
                ? Fault.StopDatabaseServer(options.PostgresDown)
                : Fault.RefuseDatabaseConnections(options.PostgresDown));
        }

        return plan;
    }

    private static void Print(FaultsOptions options, RedemptionStream stream, FaultRunResult result)
    {
        var faults = new Table().AddColumn("fault").AddColumn(new TableColumn("until ready again").RightAligned());
        foreach (var (fault, took) in result.Faults)
        {
            faults.AddRow(Markup.Escape(fault), $"{took.TotalSeconds:0.0} s");
        }

        AnsiConsole.Write(faults);
        var report = result.Report;
        AnsiConsole.MarkupLine($"database {options.Database}; load ran {result.LoadRan.TotalSeconds:0} s; " +
                               $"accepted {stream.Accepted.Count} redemptions (the database holds {report.Redemptions}); " +
                               $"{stream.Unanswered} calls unanswered during faults and retried");
        AnsiConsole.WriteLine(result.ToString());
        AnsiConsole.MarkupLine(report.Holds ? "[green]every invariant holds[/]" : "[red]an invariant is broken[/]");
    }

    private static async Task<T> Status<T>(string what, Func<Task<T>> work) =>
        await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(what, _ => work());

    private sealed record FaultsOptions(
        DatabaseProvider Database,
        int Members,
        int RunsPerMember,
        TimeSpan Pace,
        TimeSpan StepTimeout,
        TimeSpan Between,
        TimeSpan BrokerDown,
        string PostgresOutage,
        TimeSpan PostgresDown,
        TimeSpan SettleTimeout)
    {
        public static FaultsOptions Parse(string[] args)
        {
            string Get(string name, string fallback)
            {
                var i = Array.IndexOf(args, "--" + name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
            }

            TimeSpan Seconds(string name, string fallback) => TimeSpan.FromSeconds(double.Parse(Get(name, fallback), CultureInfo.InvariantCulture));
            int Count(string name, string fallback) => int.Parse(Get(name, fallback), CultureInfo.InvariantCulture);

            return new FaultsOptions(
                Enum.Parse<DatabaseProvider>(Get("database", "postgres"), ignoreCase: true),
                Count("members", "8"),
                Count("runs", "100"),
                Seconds("pace", "1"),
                Seconds("step-timeout", "5"),
                Seconds("between", "5"),
                Seconds("broker-down", "5"),
                Get("postgres-outage", "server") is "databases" ? "databases" : "server",
                Seconds("postgres-down", "10"),
                Seconds("settle", "180"));
        }
    }
}
