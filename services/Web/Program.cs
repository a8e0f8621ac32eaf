using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Logging;
using Changxing.Web;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceLogging();
builder.AddWeb();

var app = builder.Build();
app.MapWebEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the web app in-process.</summary>
public partial class Program;
