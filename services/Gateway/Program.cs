using Changxing.Gateway;
using Changxing.Gateway.Forwarding;
using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Hosting;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseTrustedProxies();
app.MapServiceDefaults();
app.MapGatewayEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the gateway in-process.</summary>
public partial class Program;
