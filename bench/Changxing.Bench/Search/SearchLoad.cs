using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Changxing.Bench.Search;

/// <summary>
/// Search requests from concurrent HttpClient loops against one base address, and rounds that alternate two
/// addresses (straight to Ticketing and through the gateway) so both see the same machine load. Used by the
/// <c>search</c> and <c>load</c> benchmarks.
/// </summary>
public static class SearchLoad
{
    private static readonly (string From, string To)[] Pairs =
        [("VNP", "AOH"), ("VNP", "NKH"), ("JGK", "AOH"), ("AOH", "VNP"), ("SHH", "NJH"), ("JNK", "SHH"), ("BJP", "SHH"), ("NKH", "JGK")];

    /// <summary>Eight station pairs over the coming seven days (Beijing time).</summary>
    public static List<string> Urls()
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
        return [.. Enumerable.Range(1, 7).SelectMany(d => Pairs.Select(p =>
            $"/api/ticketing/search?from={p.From}&to={p.To}&date={today.AddDays(d):yyyy-MM-dd}"))];
    }

    public static HttpClient CreateClient(int concurrency) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// A 3-second warm-up of each address, then <paramref name="rounds"/> rounds of direct then gateway; reports each
    /// round as it ends and returns the medians and their ratio.
    /// </summary>
    public static async Task<SearchComparison> CompareAsync(
        HttpClient client, string directUrl, string gatewayUrl, int rounds, TimeSpan roundLength, int concurrency, Action<int, SearchRound>? onRound = null)
    {
        var urls = Urls();
        await MeasureAsync(client, directUrl, urls, concurrency, TimeSpan.FromSeconds(3));
        await MeasureAsync(client, gatewayUrl, urls, concurrency, TimeSpan.FromSeconds(3));
        var all = new List<SearchRound>();
        for (var round = 1; round <= rounds; round++)
        {
            var direct = await MeasureAsync(client, directUrl, urls, concurrency, roundLength);
            var gateway = await MeasureAsync(client, gatewayUrl, urls, concurrency, roundLength);
            var result = new SearchRound(direct.PerSecond, direct.Errors, gateway.PerSecond, gateway.Errors, direct.ErrorsByAnswer, gateway.ErrorsByAnswer);
            all.Add(result);
            onRound?.Invoke(round, result);
        }

        var medianDirect = Median(all.Select(r => r.DirectPerSecond));
        var medianGateway = Median(all.Select(r => r.GatewayPerSecond));
        return new SearchComparison(concurrency, roundLength.TotalSeconds, all, medianDirect, medianGateway, medianGateway / medianDirect);
    }

    /// <summary>
    /// Answers per second that were 2xx; every other answer (a 429 from the gateway's rate limiter, a 5xx) and every
    /// request that got no answer counts as an error, keyed by status code or "no answer".
    /// </summary>
    public static async Task<(double PerSecond, long Errors, IReadOnlyDictionary<string, long> ErrorsByAnswer)> MeasureAsync(
        HttpClient client, string baseUrl, List<string> urls, int concurrency, TimeSpan duration)
    {
        long ok = 0;
        var errors = new ConcurrentDictionary<string, long>();
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
                    if (response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref ok);
                    }
                    else
                    {
                        errors.AddOrUpdate(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), 1, (_, c) => c + 1);
                    }
                }
                catch (HttpRequestException)
                {
                    errors.AddOrUpdate("no answer", 1, (_, c) => c + 1);
                }
                catch (TaskCanceledException)
                {
                    errors.AddOrUpdate("timed out", 1, (_, c) => c + 1);
                }
            }
        })).ToList();
        await Task.WhenAll(loops);
        return (ok / watch.Elapsed.TotalSeconds, errors.Values.Sum(), new SortedDictionary<string, long>(errors, StringComparer.Ordinal));
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
