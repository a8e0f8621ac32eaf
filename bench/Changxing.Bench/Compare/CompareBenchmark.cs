using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Changxing.Bench.Load;
using Changxing.Messaging.Data;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Load;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Changxing.Bench.Compare;

/// <summary>
/// <c>compare &lt;other-checkout&gt; [--provider sqlite] [--rate 32] [--rounds 8] [--step-seconds 30]</c>: the services of
/// this checkout ("A") and of another, built checkout ("B") run side by side, each on its own throw-away virtual host
/// and databases with a seeded population of its own; then, round after round, one step at the same rate on A and one
/// on B, which goes first alternating. Each round's ratio of CPU per redemption (B over A; the four services and
/// RabbitMQ) is taken between two steps a minute apart, so the machine's drift in speed, a fifth between two runs on
/// this shared machine, mostly cancels out of it; the verdict is the median ratio. Writes
/// bench/results/compare-&lt;provider&gt;-&lt;time&gt;.json.
/// </summary>
public sealed class CompareBenchmark : AsyncCommand<CompareCommandSettings>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private const int MostPerMember = 60;
    private static readonly string[] AFirst = ["A", "B"];
    private static readonly string[] BFirst = ["B", "A"];

    public override ValidationResult Validate(CommandContext context, CompareCommandSettings settings)
    {
        var other = Path.GetFullPath(settings.Other);
        if (!File.Exists(Path.Combine(other, "Changxing.sln")))
        {
            return ValidationResult.Error($"{other} is not a checkout of this repository (no Changxing.sln there).");
        }

        if (other == LoadBenchmark.RepositoryRoot())
        {
            return ValidationResult.Error("B is this very checkout: compare needs another one (git worktree add <dir> <commit>, then build it there in Release).");
        }

        if (!Enum.TryParse<DatabaseProvider>(settings.Provider, ignoreCase: true, out var provider) || provider == DatabaseProvider.SqlServer)
        {
            return ValidationResult.Error($"--provider {settings.Provider}: sqlite or postgres.");
        }

        return settings.Rounds < 1 || settings.Rate <= 0 || settings.StepSeconds <= 0
            ? ValidationResult.Error("--rounds, --rate and --step-seconds must be positive.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CompareCommandSettings settings, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160;
        }

        var a = LoadBenchmark.RepositoryRoot();
        var b = Path.GetFullPath(settings.Other);
        var provider = Enum.Parse<DatabaseProvider>(settings.Provider, ignoreCase: true);
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadBenchmark.LoadAverage();
        var step = TimeSpan.FromSeconds(settings.StepSeconds);
        var warmUp = TimeSpan.FromSeconds(settings.WarmupSeconds);
        const double WarmUpRate = 3;
        var redemptions = (long)Math.Ceiling(((settings.Rounds * settings.Rate * step.TotalSeconds) + (WarmUpRate * warmUp.TotalSeconds)) * 1.1);

        // Three members per redemption a second (as the load command), and enough that none needs more than 60
        // redemptions: a member redeems once per run, and the population seeds 72 runs.
        var members = Math.Max(Math.Max(80, (int)Math.Ceiling(settings.Rate * 3)), (int)Math.Ceiling(redemptions / (double)MostPerMember));
        var serviceSettings = LoadSettings.ServiceSettingsFrom(settings.ServiceSettings);
        AnsiConsole.Write(new Rule($"[bold]compare on {provider}[/]: A = {Markup.Escape(a)}, B = {Markup.Escape(b)} (load average {loadAtStart[0]:0.0} {loadAtStart[1]:0.0} {loadAtStart[2]:0.0})"));

        var steps = new List<CompareStep>();
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                await using var systemA = await StartAsync(ctx, "A", a, provider, serviceSettings);
                await using var systemB = await StartAsync(ctx, "B", b, provider, serviceSettings);
                using var populationA = (await LoadBenchmark.SeedAsync(ctx, "A: ", systemA, members, redemptions, concurrency: 16)).Population;
                using var populationB = (await LoadBenchmark.SeedAsync(ctx, "B: ", systemB, members, redemptions, concurrency: 16)).Population;
                if (Math.Min(populationA.Capacity, populationB.Capacity) < redemptions)
                {
                    // A member redeems once per run: fewer seeded runs than planned leave the last rounds short, and
                    // those rounds are not counted.
                    AnsiConsole.MarkupLine($"[yellow]The populations hold {Math.Min(populationA.Capacity, populationB.Capacity):N0} redemptions of the {redemptions:N0} the rounds may start: the last rounds may run short.[/]");
                }

                await using var samplerA = LoadBenchmark.SamplerOf(systemA);
                await using var samplerB = LoadBenchmark.SamplerOf(systemB);
                var builds = new Dictionary<string, (RedemptionLoad Load, ProcessSampler Sampler)>
                {
                    ["A"] = (new RedemptionLoad(systemA, populationA), samplerA),
                    ["B"] = (new RedemptionLoad(systemB, populationB), samplerB),
                };

                foreach (var (name, build) in builds)
                {
                    var warming = ctx.AddTask($"{name}: warm-up at {WarmUpRate:0}/s (not counted)", maxValue: 1);
                    await build.Load.RunAtRateAsync(WarmUpRate, warmUp);
                    warming.Increment(1);
                }

                for (var round = 1; round <= settings.Rounds && !steps.Any(s => s.Step.RanOutOfMembers); round++)
                {
                    foreach (var name in round % 2 == 1 ? AFirst : BFirst)
                    {
                        var (load, sampler) = builds[name];
                        var task = ctx.AddTask($"round {round}, {name} at {settings.Rate:0.#}/s", maxValue: step.TotalSeconds);
                        var watch = Stopwatch.StartNew();
                        var before = sampler.Mark();
                        var result = await load.RunAtRateAsync(settings.Rate, step, new InlineProgress<LoadProgress>(_ => task.Value = Math.Min(watch.Elapsed.TotalSeconds, task.MaxValue)));
                        var measured = new CompareStep(round, name, LoadStepReport.Of(result, before, sampler.Mark(), LoadBenchmark.LoadAverage()[0]));
                        steps.Add(measured);
                        task.Description = $"round {round}, {name}: {measured.Step.CompletedPerSecond:0.0}/s, p99 {measured.Step.SubmissionToTicketMs.P99:0} ms, {measured.ServicesAndBrokerMs:0.0} ms CPU per redemption";
                        task.Value = task.MaxValue;
                        await Task.Delay(TimeSpan.FromSeconds(2));
                    }
                }
            });

        var command = "dotnet run -c Release --project bench/Changxing.Bench -- compare "
            + string.Join(' ', context.Arguments.SkipWhile(x => x.Equals(context.Name, StringComparison.OrdinalIgnoreCase)));
        var report = new CompareReport(provider.ToString(), command, startedAt, DateTimeOffset.UtcNow, loadAtStart,
            a, await CommitOfAsync(a), b, await CommitOfAsync(b), settings.Rate, steps);
        var directory = settings.Results ?? Path.Combine(a, "bench", "results");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"compare-{provider.ToString().ToLowerInvariant()}-{startedAt:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(report, Json), cancellationToken);
        Print(report);
        AnsiConsole.MarkupLine($"Results: [link]{Markup.Escape(file)}[/]");
        return 0;
    }

    private static async Task<SystemUnderTest> StartAsync(ProgressContext ctx, string name, string checkout, DatabaseProvider provider, IReadOnlyDictionary<string, string> serviceSettings)
    {
        var starting = ctx.AddTask($"{name}: start Membership, Points, Ticketing, Gateway", maxValue: 1);
        var system = await SystemUnderTest.StartAsync(LoadBenchmark.SystemOptionsOf(provider, $"compare-{name.ToLowerInvariant()}", serviceSettings, build: checkout));
        starting.Increment(1);
        return system;
    }

    private static void Print(CompareReport report)
    {
        var table = new Table().AddColumns("round", "build", "completed/s", "p99 ms", "Ticketing", "Points", "Membership", "RabbitMQ", "Gateway", "CPU ms per redemption", "B/A");
        var ratios = report.Ratios;
        foreach (var step in report.Steps)
        {
            var ms = step.Step.CpuMsPerRedemption;
            table.AddRow(
                step.Round.ToString(CultureInfo.InvariantCulture),
                step.Build,
                step.Step.CompletedPerSecond.ToString("0.0", CultureInfo.InvariantCulture),
                step.Step.SubmissionToTicketMs.P99.ToString("0", CultureInfo.InvariantCulture),
                ms.GetValueOrDefault("Ticketing").ToString("0.0", CultureInfo.InvariantCulture),
                ms.GetValueOrDefault("Points").ToString("0.0", CultureInfo.InvariantCulture),
                ms.GetValueOrDefault("Membership").ToString("0.0", CultureInfo.InvariantCulture),
                ms.GetValueOrDefault("RabbitMQ").ToString("0.0", CultureInfo.InvariantCulture),
                ms.GetValueOrDefault("Gateway").ToString("0.0", CultureInfo.InvariantCulture),
                step.ServicesAndBrokerMs.ToString("0.0", CultureInfo.InvariantCulture),
                step.Build != "B" ? ""
                    : report.CountedRounds.Contains(step.Round) ? ratios[report.CountedRounds.ToList().IndexOf(step.Round)].ToString("0.000", CultureInfo.InvariantCulture)
                    : "not counted");
        }

        AnsiConsole.Write(table);
        foreach (var process in CompareStep.Budgeted)
        {
            AnsiConsole.MarkupLine($"{process}: median A {report.MedianMs("A", process):0.0} ms, B {report.MedianMs("B", process):0.0} ms");
        }

        if (ratios.Count == 0)
        {
            AnsiConsole.MarkupLine("[red]No round ran as offered on both builds[/] (a step fell behind, failed, or found no redemption left): choose a lower --rate.");
            return;
        }

        AnsiConsole.MarkupLine($"CPU ms per redemption (four services and RabbitMQ): median A {report.MedianMs("A"):0.0}, B {report.MedianMs("B"):0.0}; "
            + $"[bold]median ratio B/A {report.MedianRatio:0.000}[/] over {ratios.Count} rounds (range {ratios.Min():0.000}–{ratios.Max():0.000}; "
            + "a round counts when both its steps completed at least 95 % of the rate with no failure).");
        AnsiConsole.MarkupLine($"p99 submission→ticket, median: A {report.MedianP99("A"):0} ms, B {report.MedianP99("B"):0} ms.");
        AnsiConsole.MarkupLine($"A {Markup.Escape(report.ACommit ?? "?")}, B {Markup.Escape(report.BCommit ?? "?")}.");
    }

    /// <summary>The checkout's commit, with "+changes" when its tree differs from it; null without git.</summary>
    private static async Task<string?> CommitOfAsync(string checkout)
    {
        var commit = await GitAsync(checkout, "rev-parse --short HEAD");
        if (commit is null)
        {
            return null;
        }

        var changes = await GitAsync(checkout, "status --porcelain --untracked-files=no");
        return string.IsNullOrEmpty(changes) ? commit : commit + "+changes";
    }

    private static async Task<string?> GitAsync(string directory, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{directory}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
