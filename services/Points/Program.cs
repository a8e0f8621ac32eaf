using Changxing.Points;
using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Hosting;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddPoints();

var app = builder.Build();
app.MapServiceDefaults();
app.MapPointsEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so API tests can host the service in-process.</summary>
public partial class Program;
