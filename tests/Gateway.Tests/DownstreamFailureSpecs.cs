using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Changxing.Contracts;

namespace Changxing.Gateway.Tests;

/// <summary>A service that refuses connections: the gateway answers at once with a 502 problem, never a hang.</summary>
public sealed class DownstreamFailureSpecs : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();

    public Task InitializeAsync()
    {
        _gateway.Settings["ReverseProxy:Clusters:points:Destinations:primary:Address"] = $"http://127.0.0.1:{ClosedPort()}";
        return _gateway.InitializeAsync();
    }

    public Task DisposeAsync() => _gateway.DisposeAsync();

    [Fact]
    public async Task Should_answer_a_refused_connection_with_a_502_problem_naming_the_service()
    {
        using var client = _gateway.Member();

        using var response = await client.GetAsync(new Uri("/api/points/me/balance", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(ReasonCodes.DownstreamUnavailable, problem.RootElement.GetProperty("reason").GetString());
        Assert.Contains("points", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("X-Correlation-Id"));
    }

    [Fact]
    public async Task Should_keep_serving_the_other_services()
    {
        using var client = _gateway.Member();

        var answer = await client.GetStringAsync(new Uri("/api/ticketing/tickets", UriKind.Relative));

        Assert.Equal("ticketing GET /api/ticketing/tickets", answer);
    }

    /// <summary>A loopback port nobody listens on: bound, read, released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
