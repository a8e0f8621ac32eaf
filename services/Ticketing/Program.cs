using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Hosting;
using Changxing.Ticketing;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddTicketing();

var app = builder.Build();
app.MapServiceDefaults();
app.MapTicketingEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so API tests can host the service in-process.</summary>
public partial class Program;
