using System.ComponentModel;
using Spectre.Console.Cli;

namespace Changxing.Bench.Sagas;

/// <summary>The <c>sagas</c> command's options.</summary>
public sealed class SagasCommandSettings : CommandSettings
{
    [CommandOption("--sagas <N>")]
    [Description("Sagas started at once and measured.")]
    [DefaultValue(1000)]
    public int Sagas { get; set; } = 1000;

    [CommandOption("--concurrency <N>")]
    [Description("Messages each receive endpoint handles at once.")]
    [DefaultValue(32)]
    public int Concurrency { get; set; } = 32;

    [CommandOption("--warmup <N>")]
    [Description("Sagas run first and not counted.")]
    [DefaultValue(300)]
    public int Warmup { get; set; } = 300;

    [CommandOption("--providers <LIST>")]
    [Description("Databases to run on, comma-separated: sqlite, postgres.")]
    [DefaultValue("sqlite,postgres")]
    public string Providers { get; set; } = "sqlite,postgres";

    [CommandOption("--sqlite-synchronous <MODE>")]
    [Description("SQLite's synchronous pragma: full (the service's) or normal (for comparison).")]
    [DefaultValue("full")]
    public string SqliteSynchronous { get; set; } = "full";
}
