using Changxing.Points;
using Changxing.Points.Data;
using Changxing.ServiceDefaults.Bus;
using Changxing.ServiceDefaults.Data;
using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Hosting;
using MassTransit;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<PointsDbContext, SqlitePointsDbContext, PostgresPointsDbContext, SqlServerPointsDbContext>();
builder.Services.AddPointsLedger(builder.Configuration).AddPointsJobs(builder.Configuration);
builder.AddServiceBus(bus => bus.AddConsumers(typeof(Program).Assembly));

var app = builder.Build();
app.MapServiceDefaults();
app.MapPointsEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so API tests can host the service in-process.</summary>
public partial class Program;
