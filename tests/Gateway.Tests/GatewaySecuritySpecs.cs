using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Changxing.Gateway.Tests;

public sealed class GatewaySecuritySpecs(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/api/membership/beneficiaries")]
    [InlineData("/api/points/me/balance")]
    [InlineData("/api/ticketing/tickets")]
    [InlineData("/api/redemptions")]
    public async Task Should_refuse_a_protected_route_without_a_token_before_forwarding(string path)
    {
        using var client = gateway.Anonymous();
        var before = Total();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, Total());
    }

    [Theory]
    [InlineData("/api/ticketing/search?from=VNP&to=AOH&date=2026-12-01")]
    [InlineData("/api/ticketing/stations")]
    [InlineData("/api/ticketing/trains/G1")]
    public async Task Should_let_anonymous_callers_reach_reference_data_and_search(string path)
    {
        using var client = gateway.Anonymous();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_tampered_token_even_on_a_public_route()
    {
        var token = gateway.Token(Guid.NewGuid());
        var tampered = token[..^4] + (token[^4] == 'A' ? "BBBB" : "AAAA");
        using var client = gateway.WithToken(tampered);

        using var publicRoute = await client.GetAsync(new Uri("/api/ticketing/stations", UriKind.Relative));
        using var protectedRoute = await client.GetAsync(new Uri("/api/points/me/balance", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, publicRoute.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, protectedRoute.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_an_expired_token_and_accept_a_fresh_one()
    {
        var member = Guid.NewGuid();
        using var expired = gateway.WithToken(gateway.ExpiredToken(member, TimeSpan.FromMinutes(5)));
        using var fresh = gateway.Member(member);

        using var refused = await expired.GetAsync(new Uri("/api/points/me/balance", UriKind.Relative));
        using var accepted = await fresh.GetAsync(new Uri("/api/points/me/balance", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_token_signed_with_another_key()
    {
        // header.payload of a valid shape, signed by someone else.
        const string forged = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjMiLCJpc3MiOiJjaGFuZ3hpbmciLCJhdWQiOiJjaGFuZ3hpbmctYXBpIiwiZXhwIjo0MTAyNDQ0ODAwfQ.c2lnbmVkLWJ5LXNvbWVvbmUtZWxzZQ";
        using var client = gateway.WithToken(forged);

        using var response = await client.GetAsync(new Uri("/api/points/me/balance", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_body_over_the_limit_with_a_413_problem_and_forward_nothing()
    {
        using var client = gateway.Member();
        var before = Total();
        using var body = new StringContent("{\"note\":\"" + new string('x', 70_000) + "\"}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/membership/beneficiaries", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("InvalidRequest", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        Assert.Equal(before, Total());
    }

    [Fact]
    public async Task Should_refuse_a_body_that_is_neither_json_nor_multipart_with_a_415_problem()
    {
        using var client = gateway.Member();
        var before = Total();
        using var body = new StringContent("<xml/>", Encoding.UTF8, "application/xml");

        using var response = await client.PostAsync(new Uri("/api/redemptions", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, Total());
    }

    [Fact]
    public async Task Should_limit_sign_in_attempts_per_address_with_429_and_retry_after_then_recover()
    {
        using var client = gateway.Anonymous();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            using var body = JsonContent.Create(new { phone = "13800000000", password = "wrong" });
            var response = await client.PostAsync(new Uri("/api/membership/accounts/sign-in", UriKind.Relative), body);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("RateLimited", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        refused.Dispose();

        await Changxing.TestSupport.Eventually.Until(
            async () =>
            {
                using var body = JsonContent.Create(new { phone = "13800000000", password = "wrong" });
                using var again = await client.PostAsync(new Uri("/api/membership/accounts/sign-in", UriKind.Relative), body);
                return again.StatusCode != HttpStatusCode.TooManyRequests;
            },
            TimeSpan.FromSeconds(10),
            "the sign-in window (2 s in this test) ends");
    }

    [Theory]
    [InlineData("/api/membership/payment-authorisations")]
    [InlineData("/api/redemptions")]
    public async Task Should_limit_payment_and_redemption_per_member_without_holding_back_other_members(string path)
    {
        using var eager = gateway.Member();
        using var other = gateway.Member();

        // The fixture allows 3 per 2 s on these routes (10 and 20 per minute by default).
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var body = JsonContent.Create(new { consumptionPassword = "581394" });
            using var response = await eager.PostAsync(new Uri(path, UriKind.Relative), body);
            statuses.Add(response.StatusCode);
        }

        using var otherBody = JsonContent.Create(new { consumptionPassword = "581394" });
        using var otherResponse = await other.PostAsync(new Uri(path, UriKind.Relative), otherBody);

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 3, string.Join(", ", statuses));
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
    }

    [Fact]
    public async Task Should_serve_one_merged_api_document_and_the_reference_page()
    {
        using var client = gateway.Anonymous();

        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/changxing.json", UriKind.Relative));
        using var docs = await client.GetAsync(new Uri("/docs", UriKind.Relative));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["/api/membership/things", "/api/points/things", "/api/ticketing/things"], paths.Order());
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("pointsThing", out _));
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("text/html", docs.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    private int Total() => gateway["membership"].Forwarded + gateway["points"].Forwarded + gateway["ticketing"].Forwarded;
}
