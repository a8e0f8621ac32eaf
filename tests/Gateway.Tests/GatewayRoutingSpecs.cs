using System.Net;
using Changxing.Contracts;
using Changxing.TestSupport;

namespace Changxing.Gateway.Tests;

public sealed class GatewayRoutingSpecs(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/api/membership/members/me", "membership GET /api/membership/members/me")]
    [InlineData("/api/points/me/balance?page=2", "points GET /api/points/me/balance?page=2")]
    [InlineData("/api/ticketing/tickets", "ticketing GET /api/ticketing/tickets")]
    [InlineData("/api/redemptions", "ticketing GET /api/redemptions")]
    [InlineData("/api/redemptions/5f0c/timeline", "ticketing GET /api/redemptions/5f0c/timeline")]
    public async Task Should_forward_each_api_prefix_unchanged_to_its_service(string path, string expected)
    {
        using var client = gateway.Member();

        var answer = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, answer);
    }

    [Fact]
    public async Task Should_forward_the_callers_token_and_a_correlation_id()
    {
        using var client = gateway.Member();

        using var response = await client.GetAsync(new Uri("/api/points/me/balance", UriKind.Relative));

        Assert.StartsWith("Bearer ", gateway["points"].LastAuthorization, StringComparison.Ordinal);
        Assert.Equal(response.Headers.GetValues("X-Correlation-Id").Single(), gateway["points"].LastCorrelationId);
    }

    [Fact]
    public async Task Should_not_forward_paths_outside_the_api_prefixes()
    {
        using var client = gateway.Member();

        using var response = await client.GetAsync(new Uri("/api/unknown/thing", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("points")]
    [InlineData("web")]
    public async Task Should_be_ready_only_while_every_downstream_service_is_ready(string downstream)
    {
        using var client = gateway.Anonymous();

        using (var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        gateway[downstream].Ready = false;
        try
        {
            using var notReady = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Contains(downstream, await notReady.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            gateway[downstream].Ready = true;
        }
    }

    [Fact]
    public async Task Should_answer_a_downstream_time_out_with_a_504_problem()
    {
        using var client = gateway.Member();

        using var response = await client.GetAsync(new Uri("/api/ticketing/slow", UriKind.Relative));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.GatewayTimeout, ReasonCodes.DownstreamTimedOut);
        Assert.Contains("ticketing", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
