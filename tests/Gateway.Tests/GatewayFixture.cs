using System.Net.Http.Headers;
using Changxing.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Gateway.Tests;

/// <summary>The real gateway in-process, in front of fake downstream services (the three APIs and the web front end) on real sockets.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private readonly Dictionary<string, FakeDownstreamService> _services = [];
    private WebApplicationFactory<Program> _gateway = null!;

    internal FakeDownstreamService this[string name] => _services[name];

    /// <summary>Settings a test class needs on top of the defaults (e.g. tight rate limits).</summary>
    public Dictionary<string, string> Settings { get; } = new()
    {
        ["Gateway:RateLimits:SignIn:PermitLimit"] = "3",
        ["Gateway:RateLimits:SignIn:Window"] = "00:00:02",
        ["Gateway:RateLimits:Payment:PermitLimit"] = "3",
        ["Gateway:RateLimits:Payment:Window"] = "00:00:02",
        ["Gateway:RateLimits:Redemption:PermitLimit"] = "3",
        ["Gateway:RateLimits:Redemption:Window"] = "00:00:02",
        ["ReverseProxy:Clusters:ticketing:HttpRequest:ActivityTimeout"] = "00:00:01",
    };

    /// <summary>The address every request seems to come from (a load balancer's, say); null leaves the test server's.</summary>
    public System.Net.IPAddress? RemoteAddress { get; init; }

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { "membership", "points", "ticketing", "web" })
        {
            _services[name] = await FakeDownstreamService.StartAsync(name);
        }

        _gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            foreach (var (name, service) in _services)
            {
                b.UseSetting($"ReverseProxy:Clusters:{name}:Destinations:primary:Address", service.Address);
            }

            foreach (var (key, value) in Settings)
            {
                b.UseSetting(key, value);
            }

            if (RemoteAddress is { } remote)
            {
                b.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RemoteAddressStartupFilter(remote)));
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

    public HttpClient Anonymous() => _gateway.CreateClient();

    public HttpClient Member(Guid? memberId = null) => WithToken(Token(memberId ?? Guid.NewGuid()));

    public HttpClient WithToken(string token)
    {
        var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public string Token(Guid memberId) =>
        _gateway.Services.GetRequiredService<TokenIssuer>().Issue(memberId, "member", [Roles.Member]).AccessToken;

    /// <summary>A correctly signed token whose lifetime ended <paramref name="ago"/>.</summary>
    public string ExpiredToken(Guid memberId, TimeSpan ago)
    {
        var options = _gateway.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JwtOptions>>();
        var issuedAt = DateTimeOffset.UtcNow - ago - options.Value.TokenLifetime;
        var issuer = new TokenIssuer(options, _gateway.Services.GetRequiredService<Microsoft.IdentityModel.Tokens.SymmetricSecurityKey>(),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(issuedAt));
        return issuer.Issue(memberId, "member", [Roles.Member]).AccessToken;
    }
}
