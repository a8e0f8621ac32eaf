using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Changxing.Bench.Search;

/// <summary>
/// Search requests per second straight to Ticketing and through the Gateway, in one run: both built processes are
/// started from their output folders on loopback, then rounds alternate direct and proxied load from concurrent
/// HttpClient loops. Prints each round, both medians and their ratio. The gateway's rate limits are raised far above
/// the load (every request comes from 127.0.0.1, which the per-caller limit would cap at 600 a minute); a run in which
/// any answer was not 2xx prints the errors by status code and exits 1, so a throttled run cannot pass for a result.
/// Options: <see cref="SearchCommandSettings"/>.
/// </summary>
public sealed class SearchBenchmark : AsyncCommand<SearchCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SearchCommandSettings options, CancellationToken cancellationToken)
    {
        var configuration = options.Configuration;
        var rounds = options.Rounds;
        var seconds = options.Seconds;
        var concurrency = options.Concurrency;
        var port = options.Port;
        var root = RepositoryRoot();
        var ticketingUrl = $"http://127.0.0.1:{port}";
        var gatewayUrl = $"http://127.0.0.1:{port + 1}";
        var data = Directory.CreateTempSubdirectory("changxing-bench-").FullName;

        using var ticketing = Start(root, "Ticketing", configuration, ticketingUrl, new()
        {
            ["Bus__Transport"] = "InMemory",
            ["Database__DataDirectory"] = data,
        });
        using var gateway = Start(root, "Gateway", configuration, gatewayUrl, new()
        {
            ["ReverseProxy__Clusters__ticketing__Destinations__primary__Address"] = ticketingUrl,
            ["Gateway__RateLimits__PerCaller__PermitLimit"] = "100000000",
            ["Gateway__RateLimits__SignIn__PermitLimit"] = "100000000",
            ["Gateway__RateLimits__Payment__PermitLimit"] = "100000000",
            ["Gateway__RateLimits__Redemption__PermitLimit"] = "100000000",
        });
        try
        {
            using var client = SearchLoad.CreateClient(concurrency);
            await WaitUntilAnsweringAsync(client, ticketingUrl);
            await WaitUntilAnsweringAsync(client, gatewayUrl);
            var length = (await client.GetByteArrayAsync(new Uri(ticketingUrl + SearchLoad.Urls()[0]), cancellationToken)).Length;
            AnsiConsole.MarkupLine($"Search answers ~{length:N0} bytes; {concurrency} concurrent loops, {rounds} rounds of {seconds:0.#} s per target ({configuration}).");

            var comparison = await SearchLoad.CompareAsync(client, ticketingUrl, gatewayUrl, rounds, TimeSpan.FromSeconds(seconds), concurrency, (round, r) =>
                AnsiConsole.MarkupLine($"round {round}: direct {r.DirectPerSecond,9:N0} req/s ({Errors(r.DirectErrorsByAnswer)})   gateway {r.GatewayPerSecond,9:N0} req/s ({Errors(r.GatewayErrorsByAnswer)})"));
            AnsiConsole.MarkupLine($"[bold]median direct  {comparison.MedianDirect:N0} req/s[/]");
            AnsiConsole.MarkupLine($"[bold]median gateway {comparison.MedianGateway:N0} req/s[/]");
            AnsiConsole.MarkupLine($"[bold]gateway / direct = {comparison.Ratio:0.00}[/]");
            var direct = comparison.Rounds.Sum(r => r.DirectErrors);
            var proxied = comparison.Rounds.Sum(r => r.GatewayErrors);
            if (direct + proxied > 0)
            {
                AnsiConsole.MarkupLine($"[red bold]{direct:N0} direct and {proxied:N0} gateway requests were not answered 2xx: these figures are not valid.[/]");
                return 1;
            }

            return 0;
        }
        finally
        {
            Stop(gateway);
            Stop(ticketing);
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A file still held: the temp folder is cleaned by the OS.
            }
        }
    }

    private static string Errors(IReadOnlyDictionary<string, long> byAnswer) =>
        byAnswer.Count == 0 ? "0 errors" : string.Join(", ", byAnswer.Select(e => $"{e.Value:N0} x {e.Key}"));

    private static Process Start(string root, string service, string configuration, string url, Dictionary<string, string> environment)
    {
        var folder = Path.Combine(root, "services", service, "bin", configuration, "net10.0");
        var dll = Path.Combine(folder, $"Changxing.{service}.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: dotnet build services/{service} -c {configuration}");
        }

        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {service}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[{service}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
    }

    private static async Task WaitUntilAnsweringAsync(HttpClient client, string baseUrl)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await client.GetAsync(new Uri(baseUrl + "/api/ticketing/stations"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{baseUrl} did not answer within 60 s.");
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Changxing.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
