using System.ComponentModel;
using Spectre.Console.Cli;

namespace Changxing.Bench.Search;

/// <summary>The <c>search</c> command's options.</summary>
public sealed class SearchCommandSettings : CommandSettings
{
    [CommandOption("--configuration <CONFIGURATION>")]
    [Description("Build of Ticketing and the Gateway to start: Release or Debug.")]
    [DefaultValue("Release")]
    public string Configuration { get; set; } = "Release";

    [CommandOption("--rounds <N>")]
    [Description("Rounds of direct, then proxied load.")]
    [DefaultValue(5)]
    public int Rounds { get; set; } = 5;

    [CommandOption("--seconds <SECONDS>")]
    [Description("Length of each half-round.")]
    [DefaultValue(5d)]
    public double Seconds { get; set; } = 5;

    [CommandOption("--concurrency <N>")]
    [Description("Concurrent request loops.")]
    [DefaultValue(32)]
    public int Concurrency { get; set; } = 32;

    [CommandOption("--port <PORT>")]
    [Description("Ticketing's port; the Gateway takes the next one.")]
    [DefaultValue(5913)]
    public int Port { get; set; } = 5913;
}
