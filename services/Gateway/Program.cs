using Changxing.Gateway.Health;
using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Hosting;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
builder.Services.AddHttpClient(DownstreamReadinessCheck.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(3));
builder.Services.AddHealthChecks().AddCheck<DownstreamReadinessCheck>("downstream", tags: [HealthEndpoints.ReadyTag]);

var app = builder.Build();
app.MapServiceDefaults();
app.MapReverseProxy();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the gateway in-process.</summary>
public partial class Program;
