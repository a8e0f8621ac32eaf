using Changxing.ServiceDefaults.Bus;
using Changxing.ServiceDefaults.Data;
using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Hosting;
using Changxing.Ticketing;
using Changxing.Ticketing.Data;
using MassTransit;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<TicketingDbContext, SqliteTicketingDbContext, PostgresTicketingDbContext, SqlServerTicketingDbContext>(
    o => TicketingDbContext.AddTicketingInterceptors(o));
builder.Services.AddTicketing(builder.Configuration).AddTicketingBackgroundServices();
builder.AddServiceBus(bus => bus.AddTicketingMessaging());

var app = builder.Build();
app.MapServiceDefaults();
app.MapTicketingEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so API tests can host the service in-process.</summary>
public partial class Program;
