using Spectre.Console;

// Each benchmark is a subcommand; run without arguments to list them.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["search"] = Changxing.Bench.Search.SearchBenchmark.RunAsync,
    ["sagas"] = Changxing.Bench.Sagas.SagaBenchmark.RunAsync,
    ["points-holds"] = Changxing.Bench.Points.PointsHoldsBenchmark.RunAsync,
    ["faults"] = Changxing.Bench.Faults.FaultsCommand.RunAsync,
    ["load"] = Changxing.Bench.Load.LoadBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    AnsiConsole.MarkupLine("[bold]Usage:[/] dotnet run -c Release --project bench/Changxing.Bench -- <benchmark> [options]");
    AnsiConsole.MarkupLine(benchmarks.Count == 0 ? "No benchmarks yet." : "Benchmarks: " + string.Join(", ", benchmarks.Keys));
    return args.Length == 0 ? 0 : 2;
}

return await run(args[1..]);
