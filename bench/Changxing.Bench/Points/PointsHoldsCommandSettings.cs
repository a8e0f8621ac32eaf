using System.ComponentModel;
using Spectre.Console.Cli;

namespace Changxing.Bench.Points;

/// <summary>The <c>points-holds</c> command's options.</summary>
public sealed class PointsHoldsCommandSettings : CommandSettings
{
    [CommandOption("--provider <PROVIDER>")]
    [Description("sqlite, postgres or both.")]
    [DefaultValue("both")]
    public string Provider { get; set; } = "both";

    [CommandOption("--members <N>")]
    [Description("Members seeded.")]
    [DefaultValue(1000)]
    public int Members { get; set; } = 1000;

    [CommandOption("--lots <N>")]
    [Description("Points lots per member.")]
    [DefaultValue(20)]
    public int Lots { get; set; } = 20;

    [CommandOption("--workers <N>")]
    [Description("Concurrent reserve + capture loops.")]
    [DefaultValue(16)]
    public int Workers { get; set; } = 16;

    [CommandOption("--warmup-pairs <N>")]
    [Description("Pairs run first and not counted.")]
    [DefaultValue(6000)]
    public int WarmupPairs { get; set; } = 6000;

    [CommandOption("--seconds <SECONDS>")]
    [Description("Length of the measured run.")]
    [DefaultValue(20)]
    public int Seconds { get; set; } = 20;

    [CommandOption("--postgres <CONNECTION>")]
    [Description("PostgreSQL administrative connection string (creates and drops the bench database).")]
    [DefaultValue("Host=127.0.0.1;Username=changxing;Password=changxing;Database=postgres")]
    public string Postgres { get; set; } = "Host=127.0.0.1;Username=changxing;Password=changxing;Database=postgres";

    [CommandOption("--sqlite-synchronous <MODE>")]
    [Description("SQLite's synchronous pragma: full (the service's) or normal (for comparison).")]
    [DefaultValue("full")]
    public string SqliteSynchronous { get; set; } = "full";
}
