using System.Net;
using Changxing.Contracts;
using Changxing.TestSupport;

namespace Changxing.Gateway.Tests;

/// <summary>A service that refuses connections: the gateway answers at once with a 502 problem, never a hang.</summary>
public sealed class DownstreamFailureSpecs : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();

    public Task InitializeAsync()
    {
        _gateway.Settings["ReverseProxy:Clusters:points:Destinations:primary:Address"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        return _gateway.InitializeAsync();
    }

    public Task DisposeAsync() => _gateway.DisposeAsync();

    [Fact]
    public async Task Should_answer_a_refused_connection_with_a_502_problem_naming_the_service()
    {
        using var client = _gateway.Member();

        using var response = await client.GetAsync(new Uri("/api/points/me/balance", UriKind.Relative));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadGateway, ReasonCodes.DownstreamUnavailable);
        Assert.Contains("points", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(response.Headers.Contains("X-Correlation-Id"));
    }

    [Fact]
    public async Task Should_keep_serving_the_other_services()
    {
        using var client = _gateway.Member();

        var answer = await client.GetStringAsync(new Uri("/api/ticketing/tickets", UriKind.Relative));

        Assert.Equal("ticketing GET /api/ticketing/tickets", answer);
    }
}
