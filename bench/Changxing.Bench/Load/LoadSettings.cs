using System.Globalization;
using Changxing.Messaging.Data;

namespace Changxing.Bench.Load;

/// <summary>The <c>load</c> command's options; <c>--quick</c> changes the defaults to a one-minute smoke run.</summary>
public sealed record LoadSettings
{
    public required IReadOnlyList<DatabaseProvider> Providers { get; init; }
    public required bool Quick { get; init; }
    /// <summary>Seeded members (<c>--members</c>); by default <see cref="EnoughMembers"/>.</summary>
    public required int Members { get; init; }
    public required IReadOnlyList<double> Rates { get; init; }

    /// <summary>
    /// Closed-loop steps instead of the open-loop ramp (<c>--closed 16,32,64</c>): that many members redeem back to
    /// back, as fast as the system goes; each step's "offered" is the number of members.
    /// </summary>
    public IReadOnlyList<int> Closed { get; init; } = [];

    /// <summary>
    /// Processes of each of Membership, Points and Ticketing (<c>--instances</c>), sharing the service's database, behind
    /// the one gateway. More than one needs PostgreSQL: SQLite is single-instance.
    /// </summary>
    public int Instances { get; init; } = 1;

    /// <summary>Members seeded at once (<c>--seed-concurrency</c>).</summary>
    public int SeedConcurrency { get; init; } = 16;
    public required TimeSpan StepLength { get; init; }
    /// <summary>
    /// Redemptions at <see cref="WarmUpRate"/> before the ramp, not counted: the services' first redemptions pay for
    /// JIT and EF query compilation (seconds per step on a busy machine), which is not the steady state.
    /// </summary>
    public required TimeSpan WarmUpLength { get; init; }

    public double WarmUpRate { get; init; } = 3;

    public required TimeSpan BusLength { get; init; }
    public required int SearchRounds { get; init; }
    public required TimeSpan SearchRoundLength { get; init; }
    public required string ResultsDirectory { get; init; }
    public required string ChartPath { get; init; }

    /// <summary>Extra settings for every service process (<c>--service-setting Key=Value</c>, repeatable), e.g. a log level while diagnosing.</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>JSON files of earlier runs to draw the chart from, without running anything.</summary>
    public IReadOnlyList<string> ChartFrom { get; init; } = [];

    /// <summary>The ramp stops after the first step whose p99 from submission to ticket passes this.</summary>
    public double P99LimitMs { get; init; } = 1000;

    /// <summary>Why these settings cannot run, or null: several instances of a service need PostgreSQL (SQLite is single-instance).</summary>
    public string? Refusal =>
        Instances < 1 ? $"--instances {Instances}: run at least one instance of each service."
        : Instances > 1 && ChartFrom.Count == 0 && Providers.Contains(DatabaseProvider.Sqlite)
            ? $"--instances {Instances} runs {Instances} processes of each service on one database, which needs PostgreSQL: SQLite is single-instance. Run it with --providers postgres."
            : null;

    /// <summary>The command line's options with the defaults applied (those <c>--quick</c> changes among them).</summary>
    public static LoadSettings From(LoadCommandSettings options, string repositoryRoot)
    {
        var quick = options.Quick;
        var settings = new LoadSettings
        {
            Members = 0,
            Providers = (options.Providers ?? (quick ? "sqlite" : "sqlite,postgres"))
                .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => Enum.Parse<DatabaseProvider>(p, ignoreCase: true)).ToList(),
            Quick = quick,
            Rates = (options.Rates ?? (quick ? "2,4" : "4,8,16,24,32,40,50,60,70,80"))
                .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToList(),
            Closed = options.Closed?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList() ?? [],
            Instances = options.Instances,
            SeedConcurrency = options.SeedConcurrency,
            StepLength = TimeSpan.FromSeconds(options.StepSeconds ?? (quick ? 8 : 30)),
            WarmUpLength = TimeSpan.FromSeconds(options.WarmupSeconds ?? (quick ? 5 : 40)),
            BusLength = TimeSpan.FromSeconds(quick ? 3 : 10),
            SearchRounds = quick ? 1 : 3,
            SearchRoundLength = TimeSpan.FromSeconds(quick ? 2 : 4),
            ResultsDirectory = options.Results ?? Path.Combine(repositoryRoot, "bench", "results"),
            ChartPath = options.Chart ?? Path.Combine(repositoryRoot, quick ? "bench/results/load-quick.png" : "docs/performance/load.png"),
            ChartFrom = options.ChartFrom?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            ServiceSettings = ServiceSettingsFrom(options.ServiceSettings),
        };
        return settings with { Members = options.Members ?? settings.EnoughMembers };
    }

    /// <summary>The repeatable <c>--service-setting Key=Value</c> options as a dictionary (a setting without "=" is empty).</summary>
    public static IReadOnlyDictionary<string, string> ServiceSettingsFrom(IEnumerable<string> settings) =>
        settings.Select(setting => setting.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");

    /// <summary>
    /// Members for the heaviest step: each is busy for its redemption's whole latency (authorise, then submit with
    /// <c>Prefer: wait</c> until done), and an open-loop arrival that finds none idle is a failure of the generator, not
    /// of the system; three per redemption a second leaves room for latencies up to three seconds. Closed loop: a
    /// fifth more than the loop.
    /// </summary>
    public int EnoughMembers => Quick ? 16
        : Closed.Count > 0 ? (int)Math.Ceiling(Closed.Max() * 1.2)
        : Math.Max(80, (int)Math.Ceiling(Rates.Max() * 3));

    /// <summary>
    /// Redemptions the warm-up and the steps may start at most, with a tenth to spare: every open-loop step at its
    /// rate; a closed-loop step as fast as it goes, at most <see cref="ClosedLoopCeiling"/> a second however many members loop.
    /// </summary>
    public long MostRedemptions => (long)Math.Ceiling((((Closed.Count > 0 ? Closed.Count * ClosedLoopCeiling : Rates.Sum()) * StepLength.TotalSeconds)
        + (WarmUpRate * WarmUpLength.TotalSeconds)) * 1.1);

    /// <summary>Redemptions a second a closed-loop step cannot pass on two cores: twice the best step measured so far.</summary>
    public const double ClosedLoopCeiling = 120;
}
