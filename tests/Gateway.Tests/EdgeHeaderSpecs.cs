using System.Net;
using System.Net.Http.Json;
using Changxing.ServiceDefaults.Hosting;

namespace Changxing.Gateway.Tests;

/// <summary>Issue #17, 5: security headers on every answer, and forwarded addresses believed only from trusted proxies.</summary>
public sealed class EdgeHeaderSpecs(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    private static readonly IPAddress LoadBalancer = IPAddress.Parse("10.1.2.3");

    [Theory]
    [InlineData("/api/ticketing/stations")] // forwarded: the downstream answer gets them too
    [InlineData("/api/points/me/balance")] // refused at the edge (401)
    [InlineData("/health/live")]
    public async Task Should_answer_with_nosniff_no_framing_a_policy_no_store_and_no_server_header(string path)
    {
        using var client = gateway.Anonymous();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal(SecurityHeadersMiddleware.ApiPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore, path);
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [Fact]
    public async Task Should_give_the_reference_page_its_content_security_policy()
    {
        using var client = gateway.Anonymous();

        using var docs = await client.GetAsync(new Uri("/docs", UriKind.Relative));

        Assert.Equal(SecurityHeadersMiddleware.PagePolicy, Assert.Single(docs.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Should_not_let_a_caller_escape_the_per_address_limit_by_writing_X_Forwarded_For()
    {
        var statuses = new List<HttpStatusCode>();
        await WithGatewayAsync(null, async untrusting =>
        {
            for (var i = 1; i <= 10 && !statuses.Contains(HttpStatusCode.TooManyRequests); i++)
            {
                statuses.Add(await SignInAsync(untrusting, $"203.0.113.{i}"));
            }
        });

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Should_limit_each_client_behind_a_trusted_load_balancer_on_its_own()
    {
        var first = new List<HttpStatusCode>();
        var second = HttpStatusCode.OK;
        await WithGatewayAsync("10.0.0.0/8", async trusting =>
        {
            for (var i = 0; i < 10 && !first.Contains(HttpStatusCode.TooManyRequests); i++)
            {
                first.Add(await SignInAsync(trusting, "203.0.113.7"));
            }

            second = await SignInAsync(trusting, "198.51.100.9");
        });

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second);
    }

    /// <summary>A gateway of its own behind <see cref="LoadBalancer"/>, trusting <paramref name="trustedProxies"/> (none when null).</summary>
    private static async Task WithGatewayAsync(string? trustedProxies, Func<GatewayFixture, Task> test)
    {
        var behindLoadBalancer = new GatewayFixture { RemoteAddress = LoadBalancer };
        if (trustedProxies is not null)
        {
            behindLoadBalancer.Settings["Gateway:TrustedProxies:0"] = trustedProxies;
        }

        await behindLoadBalancer.InitializeAsync();
        try
        {
            await test(behindLoadBalancer);
        }
        finally
        {
            await behindLoadBalancer.DisposeAsync();
        }
    }

    private static async Task<HttpStatusCode> SignInAsync(GatewayFixture gateway, string forwardedFor)
    {
        using var client = gateway.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/membership/accounts/sign-in", UriKind.Relative))
        {
            Content = JsonContent.Create(new { phone = "13800000000", password = "wrong" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
