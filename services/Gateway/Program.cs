using Changxing.Gateway.ApiDocument;
using Changxing.Gateway.Forwarding;
using Changxing.Gateway.Health;
using Changxing.Gateway.Limits;
using Changxing.Gateway.RateLimiting;
using Changxing.Gateway.Security;
using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Hosting;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
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

var app = builder.Build();
app.UseTrustedProxies();
app.MapServiceDefaults();
app.UseMiddleware<RequestLimitsMiddleware>();
app.UseRateLimiter();
app.MapApiDocument();
app.MapUnknownApiPaths();
app.MapReverseProxy();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the gateway in-process.</summary>
public partial class Program;
