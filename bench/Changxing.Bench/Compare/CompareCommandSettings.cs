using System.ComponentModel;
using Spectre.Console.Cli;

namespace Changxing.Bench.Compare;

/// <summary>The <c>compare</c> command's options as typed.</summary>
public sealed class CompareCommandSettings : CommandSettings
{
    [CommandArgument(0, "<OTHER-CHECKOUT>")]
    [Description("Another checkout of this repository, built in Release (dotnet build -c Release Changxing.sln there): \"B\". This checkout is \"A\".")]
    public string Other { get; set; } = "";

    [CommandOption("--provider <NAME>")]
    [Description("sqlite or postgres.")]
    [DefaultValue("sqlite")]
    public string Provider { get; set; } = "sqlite";

    [CommandOption("--rate <N>")]
    [Description("Redemptions a second offered in every step; pick one both builds hold.")]
    [DefaultValue(32d)]
    public double Rate { get; set; } = 32;

    [CommandOption("--rounds <N>")]
    [Description("Rounds; each runs one step on A and one on B, in turn first (A B, B A, A B, ...).")]
    [DefaultValue(8)]
    public int Rounds { get; set; } = 8;

    [CommandOption("--step-seconds <SECONDS>")]
    [Description("Length of each step.")]
    [DefaultValue(30d)]
    public double StepSeconds { get; set; } = 30;

    [CommandOption("--warmup-seconds <SECONDS>")]
    [Description("Redemptions at 3/s on each build before the rounds, not counted (with 40 s, the first round still ran a quarter dearer on both).")]
    [DefaultValue(60d)]
    public double WarmupSeconds { get; set; } = 60;

    [CommandOption("--results <DIR>")]
    [Description("Where the JSON results go. Default bench/results.")]
    public string? Results { get; set; }

    [CommandOption("--service-setting <KEY=VALUE>")]
    [Description("A setting for every service process of both builds, repeatable.")]
    public string[] ServiceSettings { get; set; } = [];
}
