using Changxing.Bench.Load;
using Changxing.Messaging.Data;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Faults;
using Changxing.SystemHarness.Load;
using Changxing.SystemHarness.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Changxing.Bench.Faults;

/// <summary>
/// Issue #9's fault drill, run by hand: the four real processes under the load benchmark's open-loop redemptions (a
/// seeded <see cref="Population"/>) while each service is killed with -9 and restarted in turn, RabbitMQ is restarted,
/// PostgreSQL refuses connections for 10 s, and Points and Ticketing are killed once more with every queued message
/// thrown away (what a crash between commit and publish loses); then the load stops, the system settles, and the invariants are checked and printed. Exits 1 when one is
/// broken. It restarts the machine's RabbitMQ (and with <c>--postgres-outage server</c> stops its PostgreSQL server;
/// by default only the system's own databases refuse connections): do not run it while other test runs use them.
/// </summary>
public sealed class FaultsCommand : AsyncCommand<FaultsCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, FaultsCommandSettings settings, CancellationToken cancellationToken)
    {
        var options = FaultsOptions.From(settings);
        AnsiConsole.MarkupLine($"[bold]faults[/]: {options.Database}, {options.Members} members at {options.Rate:0.#} redemptions/s, step deadline " +
                               $"{options.StepTimeout.TotalSeconds:0} s, PostgreSQL outage: {options.PostgresOutage} for {options.PostgresDown.TotalSeconds:0} s");

        LoadProgress last = new(TimeSpan.Zero, 0, 0, 0, 0);
        FaultRunResult? result = null;
        SystemUnderTest? started = null;
        try
        {
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var starting = ctx.AddTask($"start Membership, Points, Ticketing, Gateway on {options.Database}", maxValue: 1);
                    var system = started = await SystemUnderTest.StartAsync(FaultRun.Options(options.Database, options.StepTimeout));
                    starting.Increment(1);

                    // The operator signs in before the population moves Membership's clock (its later tokens are future-dated).
                    var journeys = new Journeys(system);
                    (await journeys.StaffAsync("operator")).Dispose();
                    var seeding = ctx.AddTask("seed", maxValue: options.Members);
                    using var population = await Population.SeedAsync(system,
                        new PopulationOptions { Members = options.Members, RedemptionsPerMember = options.RedemptionsPerMember },
                        new InlineProgress<SeedingProgress>(p =>
                        {
                            seeding.Description = $"seed: {p.Stage} {p.Done}/{p.Total}";
                            seeding.MaxValue = p.Total;
                            seeding.Value = p.Done;
                        }));
                    seeding.Description = $"seeded {population.Members.Count} members on {population.Runs.Count} runs";

                    var loading = ctx.AddTask($"redemptions at {options.Rate:0.#}/s", maxValue: population.Capacity);
                    var load = new RedemptionLoad(system, population);
                    result = await FaultRun.RunAsync(system, journeys, Plan(options),
                        stop => KeepLoadingAsync(load, options.Rate, new InlineProgress<LoadProgress>(p =>
                        {
                            last = p;
                            loading.Value = p.Started;
                            loading.Description = $"redemptions at {options.Rate:0.#}/s: {p.Started} started, {p.InFlight} in flight, {p.Completed} completed, {p.Failed} failed";
                        }), stop),
                        options.Between, options.SettleTimeout,
                        line => ctx.AddTask($"[grey]{DateTime.Now:HH:mm:ss}[/] {Markup.Escape(line)}", maxValue: 1).Increment(1));
                    loading.StopTask();
                });
        }
        catch
        {
            AnsiConsole.WriteLine(started?.RecentLogs(80) ?? string.Empty);
            throw;
        }
        finally
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }

        Print(options, last, result!);
        return result!.Report.Holds ? 0 : 1;
    }

    /// <summary>The load benchmark's open-loop generator, stopped (not drained) when the faults are over: settling follows every redemption to its end.</summary>
    private static async Task KeepLoadingAsync(RedemptionLoad load, double rate, IProgress<LoadProgress> progress, CancellationToken stop)
    {
        try
        {
            await load.RunAtRateAsync(rate, TimeSpan.FromHours(1), progress, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The faults are over.
        }
    }

    private static List<Fault> Plan(FaultsOptions options)
    {
        var plan = SystemUnderTest.Services.Append("Gateway").Select(Fault.KillAndRestart).ToList();
        plan.Add(Fault.RestartBroker(options.BrokerDown));
        if (options.Database == DatabaseProvider.Postgres)
        {
            plan.Add(options.PostgresOutage == "server"
                ? Fault.StopDatabaseServer(options.PostgresDown)
                : Fault.RefuseDatabaseConnections(options.PostgresDown));
        }

        // What a kill between a commit and its publish loses, done on purpose: only the step deadlines can recover it.
        plan.Add(Fault.KillLosingQueuedMessages("Points"));
        plan.Add(Fault.KillLosingQueuedMessages("Ticketing"));
        return plan;
    }

    private static void Print(FaultsOptions options, LoadProgress load, FaultRunResult result)
    {
        var faults = new Table().AddColumn("fault").AddColumn(new TableColumn("until ready again").RightAligned());
        foreach (var (fault, took) in result.Faults)
        {
            faults.AddRow(Markup.Escape(fault), $"{took.TotalSeconds:0.0} s");
        }

        AnsiConsole.Write(faults);
        AnsiConsole.WriteLine($"database {options.Database}; the load generator started {load.Started} redemptions " +
                              $"(its client saw {load.Completed} completed, {load.Failed} failed or refused, {load.InFlight} in flight when stopped); " +
                              $"the database holds {result.Report.Redemptions} accepted redemptions");
        AnsiConsole.WriteLine(result.ToString());
        AnsiConsole.MarkupLine(result.Report.Holds ? "[green]every invariant holds[/]" : "[red]an invariant is broken[/]");
    }

    private sealed record FaultsOptions(
        DatabaseProvider Database,
        int Members,
        int RedemptionsPerMember,
        double Rate,
        TimeSpan StepTimeout,
        TimeSpan Between,
        TimeSpan BrokerDown,
        string PostgresOutage,
        TimeSpan PostgresDown,
        TimeSpan SettleTimeout)
    {
        public static FaultsOptions From(FaultsCommandSettings settings) => new(
            Enum.Parse<DatabaseProvider>(settings.Database, ignoreCase: true),
            settings.Members,
            settings.RedemptionsPerMember,
            settings.Rate,
            TimeSpan.FromSeconds(settings.StepTimeout),
            TimeSpan.FromSeconds(settings.Between),
            TimeSpan.FromSeconds(settings.BrokerDown),
            settings.PostgresOutage is "server" ? "server" : "databases",
            TimeSpan.FromSeconds(settings.PostgresDown),
            TimeSpan.FromSeconds(settings.Settle));
    }
}
