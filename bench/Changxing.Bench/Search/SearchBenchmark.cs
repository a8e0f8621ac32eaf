using System.Diagnostics;
using System.Globalization;
using System.Net;
using Spectre.Console;

namespace Changxing.Bench.Search;

/// <summary>
/// Search requests per second straight to Ticketing and through the Gateway, in one run: both built processes are
/// started from their output folders on loopback, then rounds alternate direct and proxied load from concurrent
/// HttpClient loops. Prints each round, both medians and their ratio.
/// Options: --configuration Release|Debug, --rounds 5, --seconds 5, --concurrency 32, --port 5913.
/// </summary>
public static class SearchBenchmark
{
    private static readonly (string From, string To)[] Pairs =
        [("VNP", "AOH"), ("VNP", "NKH"), ("JGK", "AOH"), ("AOH", "VNP"), ("SHH", "NJH"), ("JNK", "SHH"), ("BJP", "SHH"), ("NKH", "JGK")];

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = Option(args, "--configuration", "Release");
        var rounds = int.Parse(Option(args, "--rounds", "5"), CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option(args, "--seconds", "5"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Option(args, "--concurrency", "32"), CultureInfo.InvariantCulture);
        var port = int.Parse(Option(args, "--port", "5913"), CultureInfo.InvariantCulture);
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
        });
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, UseProxy = false })
            {
                Timeout = TimeSpan.FromSeconds(10),
            };
            await WaitUntilAnsweringAsync(client, ticketingUrl);
            await WaitUntilAnsweringAsync(client, gatewayUrl);
            var urls = SearchUrls();
            var length = (await client.GetByteArrayAsync(new Uri(ticketingUrl + urls[0]))).Length;
            AnsiConsole.MarkupLine($"Search answers ~{length:N0} bytes; {concurrency} concurrent loops, {rounds} rounds of {seconds:0.#} s per target ({configuration}).");

            await MeasureAsync(client, ticketingUrl, urls, concurrency, TimeSpan.FromSeconds(3));
            await MeasureAsync(client, gatewayUrl, urls, concurrency, TimeSpan.FromSeconds(3));

            var direct = new List<double>();
            var proxied = new List<double>();
            for (var round = 1; round <= rounds; round++)
            {
                var d = await MeasureAsync(client, ticketingUrl, urls, concurrency, TimeSpan.FromSeconds(seconds));
                var g = await MeasureAsync(client, gatewayUrl, urls, concurrency, TimeSpan.FromSeconds(seconds));
                direct.Add(d.PerSecond);
                proxied.Add(g.PerSecond);
                AnsiConsole.MarkupLine($"round {round}: direct {d.PerSecond,9:N0} req/s ({d.Errors} errors)   gateway {g.PerSecond,9:N0} req/s ({g.Errors} errors)");
            }

            var medianDirect = Median(direct);
            var medianGateway = Median(proxied);
            AnsiConsole.MarkupLine($"[bold]median direct  {medianDirect:N0} req/s[/]");
            AnsiConsole.MarkupLine($"[bold]median gateway {medianGateway:N0} req/s[/]");
            AnsiConsole.MarkupLine($"[bold]gateway / direct = {medianGateway / medianDirect:0.00}[/]");
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

    private static List<string> SearchUrls()
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        return [.. Enumerable.Range(1, 7).SelectMany(d => Pairs.Select(p =>
            $"/api/ticketing/search?from={p.From}&to={p.To}&date={today.AddDays(d):yyyy-MM-dd}"))];
    }

    private static async Task<(double PerSecond, long Errors)> MeasureAsync(HttpClient client, string baseUrl, List<string> urls, int concurrency, TimeSpan duration)
    {
        long ok = 0;
        long errors = 0;
        var watch = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            var n = i;
            while (watch.Elapsed < duration)
            {
                var url = new Uri(baseUrl + urls[n++ % urls.Count]);
                try
                {
                    using var response = await client.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref ok);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToList();
        await Task.WhenAll(loops);
        return (ok / watch.Elapsed.TotalSeconds, errors);
    }

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

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
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
