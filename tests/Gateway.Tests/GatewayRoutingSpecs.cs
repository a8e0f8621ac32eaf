using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Changxing.Gateway.Tests;

public sealed class GatewayRoutingSpecs : IAsyncLifetime
{
    private readonly Dictionary<string, FakeDownstreamService> _services = [];
    private WebApplicationFactory<Program> _gateway = null!;

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "membership", "points", "ticketing" })
        {
            _services[name] = await FakeDownstreamService.StartAsync(name);
        }

        _gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (name, service) in _services)
            {
                b.UseSetting($"ReverseProxy:Clusters:{name}:Destinations:primary:Address", service.Address);
            }
        });
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/api/membership/members/me", "membership GET /api/membership/members/me")]
    [InlineData("/api/points/balance?page=2", "points GET /api/points/balance?page=2")]
    [InlineData("/api/ticketing/search?from=VNP&to=AOH", "ticketing GET /api/ticketing/search?from=VNP&to=AOH")]
    [InlineData("/api/redemptions", "ticketing GET /api/redemptions")]
    [InlineData("/api/redemptions/5f0c/timeline", "ticketing GET /api/redemptions/5f0c/timeline")]
    public async Task Should_forward_each_api_prefix_unchanged_to_its_service(string path, string expected)
    {
        using var client = _gateway.CreateClient();

        var answer = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, answer);
    }

    [Fact]
    public async Task Should_not_forward_paths_outside_the_api_prefixes()
    {
        using var client = _gateway.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/unknown/thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Should_be_ready_only_while_every_downstream_service_is_ready()
    {
        using var client = _gateway.CreateClient();

        using (var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        _services["points"].Ready = false;
        using var notReady = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("points", await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
