using System.ComponentModel;
using Spectre.Console.Cli;

namespace Changxing.Bench.Load;

/// <summary>The <c>load</c> command's options as typed; <see cref="LoadSettings"/> applies the defaults, which <c>--quick</c> changes.</summary>
public sealed class LoadCommandSettings : CommandSettings
{
    [CommandOption("--quick")]
    [Description("A smoke run: SQLite, rates 2,4, 8 s steps, 5 s warm-up, 16 members, shorter bus and search runs, chart at bench/results/load-quick.png.")]
    [DefaultValue(false)]
    public bool Quick { get; set; }

    [CommandOption("--providers <LIST>")]
    [Description("Databases, comma-separated: sqlite, postgres. Default sqlite,postgres (--quick: sqlite).")]
    public string? Providers { get; set; }

    [CommandOption("--members <N>")]
    [Description("Members seeded. Default: enough for the heaviest step (at least 80, 3 per redemption a second; closed loop: a fifth more than the loop; --quick: 16).")]
    public int? Members { get; set; }

    [CommandOption("--rates <LIST>")]
    [Description("Open-loop steps, redemptions a second. Default 4,8,16,24,32,40,50,60,70,80 (--quick: 2,4).")]
    public string? Rates { get; set; }

    [CommandOption("--closed <LIST>")]
    [Description("Closed-loop steps instead of the ramp: that many members redeem back to back, e.g. 16,32,64.")]
    public string? Closed { get; set; }

    [CommandOption("--instances <N>")]
    [Description("Processes of each of Membership, Points and Ticketing, on one database per service, the gateway balancing across them. More than one needs --providers postgres (SQLite is single-instance).")]
    [DefaultValue(1)]
    public int Instances { get; set; } = 1;

    [CommandOption("--seed-concurrency <N>")]
    [Description("Members seeded at once.")]
    [DefaultValue(16)]
    public int SeedConcurrency { get; set; } = 16;

    [CommandOption("--step-seconds <SECONDS>")]
    [Description("Length of each step. Default 30 (--quick: 8).")]
    public double? StepSeconds { get; set; }

    [CommandOption("--warmup-seconds <SECONDS>")]
    [Description("Redemptions before the ramp, not counted. Default 40 (--quick: 5).")]
    public double? WarmupSeconds { get; set; }

    [CommandOption("--results <DIR>")]
    [Description("Where the JSON results go. Default bench/results.")]
    public string? Results { get; set; }

    [CommandOption("--chart <PNG>")]
    [Description("The chart of all providers. Default docs/performance/load.png (--quick: bench/results/load-quick.png).")]
    public string? Chart { get; set; }

    [CommandOption("--chart-from <LIST>")]
    [Description("JSON results of earlier runs, comma-separated: redraw the chart from them without running anything.")]
    public string? ChartFrom { get; set; }

    [CommandOption("--service-setting <KEY=VALUE>")]
    [Description("A setting for every service process, repeatable (e.g. Logging__LogLevel__Default=Debug).")]
    public string[] ServiceSettings { get; set; } = [];
}
