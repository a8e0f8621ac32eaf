using Changxing.Gateway.ApiDocument;
using Changxing.Gateway.Forwarding;
using Changxing.Gateway.Health;
using Changxing.Gateway.Limits;
using Changxing.Gateway.RateLimiting;
using Changxing.Gateway.Security;
using Changxing.ServiceDefaults.Health;

namespace Changxing.Gateway;

/// <summary>
/// How the gateway is composed: <see cref="AddGateway"/> and <see cref="MapGatewayEndpoints"/>, as every service's
/// registration has <c>Add&lt;Service&gt;</c> and <c>Map&lt;Service&gt;Endpoints</c>. The gateway has no database,
/// bus or jobs.
/// </summary>
public static class GatewayRegistration
{
    /// <summary>Rate limits, trusted proxies, request limits, the reverse proxy and its readiness check.</summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.AddGatewayRateLimits();
        builder.AddTrustedProxies();
        builder.Services.AddAuthorizationBuilder().AddPublicRoutePolicy();
        builder.Services.Configure<RequestLimitOptions>(builder.Configuration.GetSection(RequestLimitOptions.Section));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestLineSize = RequestLimitOptions.KestrelRequestLineBytes;
            k.Limits.MaxRequestHeadersTotalSize = RequestLimitOptions.KestrelHeaderBytes;
        });
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        builder.Services.AddForwardingProblems();
        builder.Services.AddHttpClient(DownstreamReadinessCheck.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
        builder.Services.AddHttpClient(MergedApiDocument.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton<MergedApiDocument>();
        builder.Services.AddHealthChecks().AddCheck<DownstreamReadinessCheck>("downstream", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// After <c>MapServiceDefaults</c>: request limits and rate limits, then the merged API document, the answer for
    /// unknown API paths, and the proxy. The trusted-proxy middleware comes first of all (see Program.cs).
    /// </summary>
    public static WebApplication MapGatewayEndpoints(this WebApplication app)
    {
        app.UseMiddleware<RequestLimitsMiddleware>();
        app.UseRateLimiter();
        app.MapApiDocument();
        app.MapUnknownApiPaths();
        app.MapReverseProxy();
        return app;
    }
}
