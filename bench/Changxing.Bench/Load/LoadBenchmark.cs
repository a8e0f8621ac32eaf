using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Changxing.Bench.Search;
using Changxing.Messaging.Data;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Load;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Changxing.Bench.Load;

/// <summary>
/// <c>load [--quick] [--providers sqlite,postgres] [--instances 1] [--members 80] [--rates 1,2,3,4,6,...] [--closed 16,32,...] [--step-seconds 30]
/// [--results DIR] [--chart PNG] [--chart-from a.json,b.json]</c>: per provider, the four real services on free ports
/// over a throw-away RabbitMQ virtual host; a seeded population; the raw bus ceiling; search straight to Ticketing
/// and through the gateway; then a ramp of open-loop redemption steps through the gateway until p99 from submission
/// to ticket has passed 1 s in two steps in a row, the system falls behind the offered rate (under 80 % completed) or more than a
/// tenth fail. Writes bench/results/load-&lt;provider&gt;-&lt;time&gt;.json and a chart of all providers. With
/// <c>--instances N</c> (PostgreSQL only) each of Membership, Points and Ticketing runs N processes behind the one
/// gateway, the report and chart say "×N", the files are load-&lt;provider&gt;-xN-&lt;time&gt;, and a service's CPU
/// and memory are those of all its instances (search "direct" goes to the first Ticketing instance).
/// </summary>
public sealed class LoadBenchmark : AsyncCommand<LoadCommandSettings>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public override ValidationResult Validate(CommandContext context, LoadCommandSettings settings) =>
        LoadSettings.From(settings, RepositoryRoot()).Refusal is { } refusal ? ValidationResult.Error(refusal) : ValidationResult.Success();

    public override async Task<int> ExecuteAsync(CommandContext context, LoadCommandSettings options, CancellationToken cancellationToken)
    {
        var settings = LoadSettings.From(options, RepositoryRoot());
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160;
        }

        var reports = new List<LoadReport>();
        if (settings.ChartFrom.Count > 0)
        {
            foreach (var file in settings.ChartFrom)
            {
                reports.Add(JsonSerializer.Deserialize<LoadReport>(await File.ReadAllTextAsync(file, cancellationToken), Json)!);
            }
        }
        else
        {
            var command = "dotnet run -c Release --project bench/Changxing.Bench -- load "
                + string.Join(' ', context.Arguments.SkipWhile(a => a.Equals(context.Name, StringComparison.OrdinalIgnoreCase)));
            foreach (var provider in settings.Providers)
            {
                var report = await RunProviderAsync(provider, settings, command);
                reports.Add(report);
                Directory.CreateDirectory(settings.ResultsDirectory);
                var file = Path.Combine(settings.ResultsDirectory, ResultName(provider, settings.Instances, report.StartedAt) + ".json");
                await File.WriteAllTextAsync(file, JsonSerializer.Serialize(report, Json), cancellationToken);
                AnsiConsole.MarkupLine($"Results: [link]{Markup.Escape(file)}[/]");
            }
        }

        foreach (var report in reports)
        {
            Print(report, settings.P99LimitMs);
        }

        LoadChart.Save(reports, settings.ChartPath, settings.P99LimitMs);
        AnsiConsole.MarkupLine($"Chart: [link]{Markup.Escape(settings.ChartPath)}[/]");
        return 0;
    }

    private static async Task<LoadReport> RunProviderAsync(DatabaseProvider provider, LoadSettings settings, string command)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage();
        var instances = settings.Instances > 1 ? $"{settings.Instances} instances of each of Membership, Points, Ticketing; " : "";
        AnsiConsole.Write(new Rule($"[bold]{LoadReport.LabelOf(provider.ToString(), settings.Instances)}[/] ({instances}load average {loadAtStart[0]:0.0} {loadAtStart[1]:0.0} {loadAtStart[2]:0.0} on {Environment.ProcessorCount} cores)"));

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var starting = ctx.AddTask(settings.Instances > 1
                    ? $"{provider}: start {settings.Instances} each of Membership, Points, Ticketing, and the Gateway"
                    : $"{provider}: start Membership, Points, Ticketing, Gateway", maxValue: 1);
                await using var system = await SystemUnderTest.StartAsync(SystemOptionsOf(provider, "load", settings.ServiceSettings, settings.Instances));
                starting.Increment(1);

                var (population, seedingSeconds) = await SeedAsync(ctx, "", system, settings.Members, settings.MostRedemptions, settings.SeedConcurrency);
                using var seeded = population;

                await using var sampler = SamplerOf(system);

                var bus = ctx.AddTask("bus ceiling: MassTransit publish→consume, 32 publishers", maxValue: 1);
                var ceiling = await BusCeiling.MeasureAsync(32, settings.BusLength);
                bus.Description = $"bus ceiling: {ceiling.ConsumedPerSecond:N0} msg/s consumed, p50 {ceiling.LatencyMs.P50:0.0} ms";
                bus.Increment(1);

                var searching = ctx.AddTask("search: direct vs gateway", maxValue: settings.SearchRounds);
                using var client = SearchLoad.CreateClient(32);
                var search = await SearchLoad.CompareAsync(client, Base(system["Ticketing"]), Base(system.Gateway), settings.SearchRounds, settings.SearchRoundLength, 32,
                    (_, _) => searching.Increment(1));
                searching.Description = $"search: direct {search.MedianDirect:N0} req/s, gateway {search.MedianGateway:N0} req/s, ratio {search.Ratio:0.00}";

                var steps = await RampAsync(ctx, system, population, sampler, settings);
                Directory.CreateDirectory(settings.ResultsDirectory);
                await File.WriteAllTextAsync(Path.Combine(settings.ResultsDirectory, ResultName(provider, settings.Instances, startedAt) + ".log"),
                    system.RecentLogs(400));
                return new LoadReport(provider.ToString(), command, startedAt, DateTimeOffset.UtcNow, Environment.ProcessorCount, loadAtStart, LoadAverage(),
                    population.Members.Count, population.Runs.Count, Math.Round(seedingSeconds, 1), ceiling, search, steps,
                    sampler.PeakMegabytes().ToDictionary(p => p.Key, p => Math.Round(p.Value, 1)), settings.Instances);
            });
    }

    private static async Task<List<LoadStepReport>> RampAsync(ProgressContext ctx, SystemUnderTest system, Population population, ProcessSampler sampler, LoadSettings settings)
    {
        var load = new RedemptionLoad(system, population);
        if (settings.WarmUpLength > TimeSpan.Zero)
        {
            var warmUp = ctx.AddTask($"warm-up at {settings.WarmUpRate:0.#}/s (not counted)", maxValue: settings.WarmUpRate * settings.WarmUpLength.TotalSeconds);
            var warm = await load.RunAtRateAsync(settings.WarmUpRate, settings.WarmUpLength, new InlineProgress<LoadProgress>(p => warmUp.Value = Math.Min(p.Started, warmUp.MaxValue)));
            warmUp.Description = $"warm-up at {settings.WarmUpRate:0.#}/s: {warm.Completed} completed, p50 {warm.SubmissionToTicket.P50:0} ms (not counted)";
        }

        var steps = new List<LoadStepReport>();
        var closed = settings.Closed.Count > 0;
        foreach (var offered in closed ? settings.Closed.Select(c => (double)c) : settings.Rates)
        {
            var label = closed ? $"{offered,3:0} members" : $"{offered,3:0.#}/s";
            var task = ctx.AddTask(label, maxValue: settings.StepLength.TotalSeconds);
            var before = sampler.Mark();
            var stepWatch = System.Diagnostics.Stopwatch.StartNew();
            var progress = new InlineProgress<LoadProgress>(p =>
            {
                task.Value = Math.Min(stepWatch.Elapsed.TotalSeconds, task.MaxValue);
                task.Description = $"{label}: {p.Started} started, {p.InFlight} in flight, {p.Completed} completed, {p.Failed} failed";
            });
            var result = closed
                ? await load.RunConcurrentAsync((int)offered, settings.StepLength, progress)
                : await load.RunAtRateAsync(offered, settings.StepLength, progress);
            var step = LoadStepReport.Of(result, before, sampler.Mark(), LoadAverage()[0]);
            steps.Add(step);
            task.Description = $"{label}: {step.CompletedPerSecond:0.0} completed/s, p50 {step.SubmissionToTicketMs.P50:0} ms, p99 {step.SubmissionToTicketMs.P99:0} ms, {step.Failed} failed";
            task.Value = task.MaxValue;

            // Two steps in a row over the limit (one alone may be this shared machine's noise) show the knee on the
            // chart; saturation or failures end the ramp at once.
            var overLimit = steps.TakeLast(2).Count(s => s.SubmissionToTicketMs.P99 > settings.P99LimitMs);
            if (overLimit == 2 || step.Failed > step.Started / 10 || (!closed && step.CompletedPerSecond < offered * 0.8) || step.RanOutOfMembers)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        return steps;
    }

    /// <summary>
    /// The services as the benchmarks run them: rate limits out of the way (<see cref="ServiceSettings"/>) and Points a
    /// month ahead, so the members earn from real tickets on the runs leaving within that month (their business class;
    /// the load redeems second class), which have left in Points' eyes. <paramref name="build"/>: another checkout's
    /// build (<c>compare</c>); null for this one.
    /// </summary>
    internal static SystemOptions SystemOptionsOf(DatabaseProvider provider, string label, IReadOnlyDictionary<string, string> extraSettings, int instances = 1, string? build = null) => new()
    {
        Database = provider,
        Instances = instances,
        Label = label,
        Environment = ServiceSettings(extraSettings),
        Build = build,
        PointsClockAheadDays = 30,
    };

    /// <summary>Seeds enough members for <paramref name="redemptions"/>, with a progress line; returns them and how long it took.</summary>
    internal static async Task<(Population Population, double Seconds)> SeedAsync(
        ProgressContext ctx, string prefix, SystemUnderTest system, int members, long redemptions, int concurrency)
    {
        var seeding = ctx.AddTask($"{prefix}seed", maxValue: members);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var population = await Population.SeedAsync(system, new PopulationOptions
        {
            Members = members,
            RedemptionsPerMember = (int)Math.Ceiling((double)redemptions / members),
            Concurrency = concurrency,
        }, new InlineProgress<SeedingProgress>(p =>
        {
            seeding.Description = $"{prefix}seed: {p.Stage} {p.Done}/{p.Total}";
            seeding.MaxValue = p.Total;
            seeding.Value = p.Done;
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        seeding.Description = $"{prefix}seeded {population.Members.Count} members on {population.Runs.Count} runs ({seconds:0} s)";
        seeding.StopTask();
        return (population, seconds);
    }

    /// <summary>Samples the system's services, the gateway, the load generator and the shared servers.</summary>
    internal static ProcessSampler SamplerOf(SystemUnderTest system)
    {
        // A service's CPU and memory are those of all its instances, under the service's name.
        var watched = SystemUnderTest.Services.ToDictionary(
            s => s, s => (Func<IEnumerable<int>>)(() => system.Instances(s).Select(p => p.ProcessId).OfType<int>()));
        watched["Gateway"] = () => system.Gateway.ProcessId is { } gateway ? [gateway] : [];
        watched["Bench"] = () => [Environment.ProcessId]; // the load generator shares the two cores
        return new ProcessSampler(watched);
    }

    /// <summary>Rate limits raised far above the load (they are tested in Gateway.Tests); everything else as shipped.</summary>
    private static Dictionary<string, string> ServiceSettings(IReadOnlyDictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string>
        {
            ["Gateway__RateLimits__PerCaller__PermitLimit"] = "100000000",
            ["Gateway__RateLimits__SignIn__PermitLimit"] = "100000000",
            ["Gateway__RateLimits__Payment__PermitLimit"] = "100000000",
            ["Gateway__RateLimits__Redemption__PermitLimit"] = "100000000",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static void Print(LoadReport report, double p99LimitMs)
    {
        var instances = report.Instances > 1 ? $", {report.Instances} instances of each of Membership, Points, Ticketing (CPU and memory: all of a service's together)" : "";
        AnsiConsole.Write(new Rule($"[bold]{report.Label}[/]: {report.Members} members on {report.Runs} runs{instances}"));
        var table = new Table().AddColumns("offered", "started", "completed/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "authorise p50 ms", "failed", "failures", "CPU (cores)", "machine busy", "load 1m");
        foreach (var s in report.Steps)
        {
            table.AddRow(
                s.Offered,
                s.Started.ToString(CultureInfo.InvariantCulture),
                s.CompletedPerSecond.ToString("0.0", CultureInfo.InvariantCulture),
                s.SubmissionToTicketMs.P50.ToString("0", CultureInfo.InvariantCulture),
                s.SubmissionToTicketMs.P95.ToString("0", CultureInfo.InvariantCulture),
                s.SubmissionToTicketMs.P99.ToString("0", CultureInfo.InvariantCulture),
                s.SubmissionToTicketMs.Max.ToString("0", CultureInfo.InvariantCulture),
                s.AuthoriseMs.P50.ToString("0", CultureInfo.InvariantCulture),
                s.Failed.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(string.Join(", ", s.FailuresByReason.Select(f => $"{f.Key}: {f.Value}"))),
                Markup.Escape(string.Join(" ", s.CoresByProcess.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:0.00}"))),
                s.MachineBusy.ToString("P0", CultureInfo.InvariantCulture),
                s.LoadAverage1m.ToString("0.0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        foreach (var s in report.Steps)
        {
            AnsiConsole.MarkupLine(Markup.Escape($"{s.Offered} median ms per stage: " + string.Join(", ", s.MedianStageMs.Select(m => $"{m.Key} {m.Value:0}"))));
            AnsiConsole.MarkupLine(Markup.Escape($"{s.Offered} CPU ms per redemption: " + string.Join(", ", s.CpuMsPerRedemption.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:0}"))));
        }

        var within = report.LastWithinLimit(p99LimitMs);
        AnsiConsole.MarkupLine(within is null
            ? $"No step kept p99 within {p99LimitMs:0} ms without failures."
            : $"Highest step with p99 ≤ {p99LimitMs:0} ms and no failure: offered {within.Offered}, completed {within.CompletedPerSecond:0.0}/s.");
        AnsiConsole.MarkupLine($"Bus ceiling {report.BusCeiling.ConsumedPerSecond:N0} msg/s; best step x {LoadReport.MessagesPerRedemption} messages = {report.BusShare:P1} of it.");
        AnsiConsole.MarkupLine($"Search: direct {report.Search.MedianDirect:N0} req/s, gateway {report.Search.MedianGateway:N0} req/s, gateway/direct {report.Search.Ratio:0.00}.");
        AnsiConsole.MarkupLine("Peak working set (MiB): " + string.Join(", ", report.PeakWorkingSetMb.Select(p => $"{p.Key} {p.Value:0}")));
        AnsiConsole.MarkupLine($"Load average at start {string.Join(" ", report.LoadAverageAtStart)}, at end {string.Join(" ", report.LoadAverageAtEnd)}.");
    }

    /// <summary>The results' file name without extension: load-postgres-20260101-120000, or load-postgres-x2-… with two instances.</summary>
    private static string ResultName(DatabaseProvider provider, int instances, DateTimeOffset startedAt) =>
        $"load-{provider.ToString().ToLowerInvariant()}{(instances > 1 ? $"-x{instances}" : "")}-{startedAt:yyyyMMdd-HHmmss}";

    private static string Base(ServiceProcess process) => process.BaseAddress.ToString().TrimEnd('/');

    internal static double[] LoadAverage() =>
        [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Changxing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
