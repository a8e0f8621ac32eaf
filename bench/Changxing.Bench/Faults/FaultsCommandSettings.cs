using System.ComponentModel;
using Spectre.Console.Cli;

namespace Changxing.Bench.Faults;

/// <summary>The <c>faults</c> command's options.</summary>
public sealed class FaultsCommandSettings : CommandSettings
{
    [CommandOption("--database <PROVIDER>")]
    [Description("postgres or sqlite.")]
    [DefaultValue("postgres")]
    public string Database { get; set; } = "postgres";

    [CommandOption("--members <N>")]
    [Description("Members seeded.")]
    [DefaultValue(40)]
    public int Members { get; set; } = 40;

    [CommandOption("--redemptions-per-member <N>")]
    [Description("Redemptions each seeded member can pay for.")]
    [DefaultValue(15)]
    public int RedemptionsPerMember { get; set; } = 15;

    [CommandOption("--rate <PER_SECOND>")]
    [Description("Open-loop redemptions a second while the faults run.")]
    [DefaultValue(2d)]
    public double Rate { get; set; } = 2;

    [CommandOption("--step-timeout <SECONDS>")]
    [Description("The redemption saga's step deadline.")]
    [DefaultValue(5d)]
    public double StepTimeout { get; set; } = 5;

    [CommandOption("--between <SECONDS>")]
    [Description("Pause between faults.")]
    [DefaultValue(5d)]
    public double Between { get; set; } = 5;

    [CommandOption("--broker-down <SECONDS>")]
    [Description("How long RabbitMQ stays stopped.")]
    [DefaultValue(5d)]
    public double BrokerDown { get; set; } = 5;

    [CommandOption("--postgres-outage <KIND>")]
    [Description("databases (the system's databases refuse connections) or server (the PostgreSQL server stops).")]
    [DefaultValue("databases")]
    public string PostgresOutage { get; set; } = "databases";

    [CommandOption("--postgres-down <SECONDS>")]
    [Description("How long PostgreSQL is unavailable.")]
    [DefaultValue(10d)]
    public double PostgresDown { get; set; } = 10;

    [CommandOption("--settle <SECONDS>")]
    [Description("Longest wait for every redemption to finish after the load stops.")]
    [DefaultValue(180d)]
    public double Settle { get; set; } = 180;
}
