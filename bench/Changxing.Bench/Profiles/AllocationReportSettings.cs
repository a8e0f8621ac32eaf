using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Changxing.Bench.Profiles;

/// <summary>The <c>allocations</c> command's options.</summary>
public sealed class AllocationReportSettings : CommandSettings
{
    [CommandArgument(0, "<TRACE>")]
    [Description("A .nettrace file from `dotnet-trace collect --profile gc-verbose -p <pid>`.")]
    public string Trace { get; set; } = "";

    [CommandOption("--top <N>")]
    [Description("Rows in each list.")]
    [DefaultValue(40)]
    public int Top { get; set; } = 40;

    [CommandOption("--under <TEXT>")]
    [Description("Only allocations whose stack has a frame containing TEXT, with shares of what allocated under that frame.")]
    public string? Under { get; set; }

    public override ValidationResult Validate() =>
        File.Exists(Trace) ? ValidationResult.Success() : ValidationResult.Error($"No trace file at {Trace}.");
}
