using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Configuration;

namespace Changxing.Gateway.Health;

/// <summary>The gateway is ready only when every destination of every cluster answers its own <c>/health/ready</c>.</summary>
internal sealed class DownstreamReadinessCheck(IProxyConfigProvider proxyConfig, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var destinations = proxyConfig.GetConfig().Clusters
            .SelectMany(c => (c.Destinations ?? new Dictionary<string, DestinationConfig>()).Select(d => (Cluster: c.ClusterId, d.Value.Address)))
            .ToList();
        var http = clients.CreateClient(HttpClientName);
        var results = await Task.WhenAll(destinations.Select(async d => (d.Cluster, Ready: await IsReady(http, d.Address, cancellationToken))));

        var notReady = results.Where(r => !r.Ready).Select(r => r.Cluster).ToList();
        var data = results.ToDictionary(r => r.Cluster, r => (object)(r.Ready ? "ready" : "not ready"));
        return notReady.Count == 0
            ? HealthCheckResult.Healthy("All downstream services are ready.", data)
            : HealthCheckResult.Unhealthy($"Not ready: {string.Join(", ", notReady)}.", data: data);
    }

    private static async Task<bool> IsReady(HttpClient http, string address, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(new Uri(address), "/health/ready"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
