using Changxing.Membership;
using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Hosting;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMembership();

var app = builder.Build();
app.MapServiceDefaults();
app.MapMembershipEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so API tests can host the service in-process.</summary>
public partial class Program;
