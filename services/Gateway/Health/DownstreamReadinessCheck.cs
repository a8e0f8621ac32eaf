using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Configuration;

namespace Changxing.Gateway.Health;

/// <summary>
/// The gateway is ready only when every cluster has a destination that answers its own <c>/health/ready</c>: with
/// several instances of a service, one down leaves the service served (its active health check takes the dead one out
/// of the balancing), so the gateway stays ready; the report says how many of each cluster's instances are ready.
/// </summary>
internal sealed class DownstreamReadinessCheck(IProxyConfigProvider proxyConfig, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var http = clients.CreateClient(HttpClientName);
        var clusters = await Task.WhenAll(proxyConfig.GetConfig().Clusters.Select(async c =>
        {
            var destinations = (c.Destinations ?? new Dictionary<string, DestinationConfig>()).Values.ToList();
            var ready = await Task.WhenAll(destinations.Select(d => IsReady(http, d.Address, cancellationToken)));
            return (Cluster: c.ClusterId, Ready: ready.Count(r => r), Of: destinations.Count);
        }));

        var notReady = clusters.Where(c => c.Ready == 0).Select(c => c.Cluster).ToList();
        var data = clusters.ToDictionary(
            c => c.Cluster,
            c => (object)((c.Ready > 0 ? "ready" : "not ready") + (c.Of > 1 ? $" ({c.Ready} of {c.Of} instances)" : string.Empty)));
        return notReady.Count == 0
            ? HealthCheckResult.Healthy("Every downstream service is ready.", data)
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
