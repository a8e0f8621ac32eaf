using System.Net;
using System.Text.Json;
using Changxing.Messaging.Bus;
using Changxing.Messaging.Data;
using Changxing.ServiceDefaults.Hosting;
using Changxing.Messaging.Tests.Sagas;
using Changxing.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Tests.Health;

/// <summary>A service built on the hosting defaults is ready only while its database and its bus are: what the gateway and the container health check ask.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class ReadinessSpecs
{
    [Fact]
    public async Task Should_report_ready_with_the_database_and_the_bus_listed()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var app = await StartServiceAsync(database.Provider, database.ConnectionString, createDatabase: true);
        using var client = app.GetTestClient();

        // The bus starts in the background after the host has started: readiness follows it.
        using var ready = await Eventually.Until(
            () => client.GetAsync(new Uri("/health/ready", UriKind.Relative)),
            r => r.StatusCode == HttpStatusCode.OK,
            because: "the service is ready once its bus has started");

        var checks = await ChecksAsync(ready);
        Assert.Equal("Healthy", checks.GetValueOrDefault("database"));
        Assert.Equal("Healthy", checks.GetValueOrDefault("masstransit-bus"));
    }

    [Fact]
    public async Task Should_report_not_ready_but_live_while_the_database_is_unreachable()
    {
        var closedPort = LoopbackPort.Free();
        await using var app = await StartServiceAsync(DatabaseProvider.Postgres,
            $"Host=127.0.0.1;Port={closedPort};Database=probe;Username=probe;Password=probe;Timeout=2", createDatabase: false);
        using var client = app.GetTestClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", (await ChecksAsync(ready)).GetValueOrDefault("database"));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private static async Task<WebApplication> StartServiceAsync(DatabaseProvider provider, string connectionString, bool createDatabase)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Database:Provider"] = provider.ToString();
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.Configuration["Database:MigrateOnStartup"] = "false";
        builder.Configuration["Bus:Transport"] = "InMemory";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.AddServiceDefaults();
        builder.AddServiceDatabase<SagaTestDbContext, SqliteSagaTestDbContext, PostgresSagaTestDbContext, SqlServerSagaTestDbContext>();
        builder.AddServiceBus(_ => { });
        var app = builder.Build();
        app.MapServiceDefaults();
        if (createDatabase)
        {
            // What the migrations do in a service; this context has none.
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SagaTestDbContext>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        return app;
    }

    /// <summary>Check name to status, from the JSON /health/ready writes.</summary>
    private static async Task<Dictionary<string, string>> ChecksAsync(HttpResponseMessage ready)
    {
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
    }
}
