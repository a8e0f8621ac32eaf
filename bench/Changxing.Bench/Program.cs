using System.Globalization;
using Changxing.Bench.Compare;
using Changxing.Bench.Faults;
using Changxing.Bench.Load;
using Changxing.Bench.Points;
using Changxing.Bench.Profiles;
using Changxing.Bench.Sagas;
using Changxing.Bench.Search;
using Spectre.Console.Cli;

// Each benchmark is a command; run without arguments to list them, `<benchmark> --help` for its options and defaults.
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("dotnet run -c Release --project bench/Changxing.Bench --");
    config.Settings.Culture = CultureInfo.InvariantCulture;
    config.CaseSensitivity(CaseSensitivity.LongOptions); // benchmark names in any case, as before; options as written
    config.AddCommand<SearchBenchmark>("search")
        .WithDescription("Search requests per second straight to Ticketing and through the Gateway.");
    config.AddCommand<SagaBenchmark>("sagas")
        .WithDescription("The EF saga repository over RabbitMQ on SQLite and PostgreSQL: transitions per second and step latency.");
    config.AddCommand<PointsHoldsBenchmark>("points-holds")
        .WithDescription("Reserve + capture pairs per second through Points' HoldBook, 1,000 members x 20 lots.");
    config.AddCommand<FaultsCommand>("faults")
        .WithDescription("The fault drill under load: kills, a RabbitMQ restart, a PostgreSQL outage; then the invariants (restarts RabbitMQ!).");
    config.AddCommand<LoadBenchmark>("load")
        .WithDescription("Redemptions end to end through the gateway: a seeded population, the bus ceiling, search, then a ramp.");
    config.AddCommand<CompareBenchmark>("compare")
        .WithDescription("Two builds side by side, a step on each in turn: the median ratio of their CPU per redemption.");
    config.AddCommand<AllocationReport>("allocations")
        .WithDescription("What allocates, from a dotnet-trace capture with --profile gc-verbose: shares by type and by stack frame.");
});
return await app.RunAsync(args);
