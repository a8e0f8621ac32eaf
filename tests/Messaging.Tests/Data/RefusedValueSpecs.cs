using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Changxing.Contracts;
using Changxing.Messaging.Data;
using Changxing.Messaging.Tests.Sagas;
using Changxing.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Changxing.Messaging.Tests.Data;

/// <summary>A service with a database answers a value its database refuses as the client's fault, not the server's.</summary>
public sealed class RefusedValueSpecs
{
    [Fact]
    public async Task Should_answer_a_value_the_database_refuses_with_a_400_problem_not_a_server_error()
    {
        // Found by the bad-input fuzzer on PostgreSQL (issue #9): a 100 KB station pinyin overflowed its column, answering 500.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["Database:ConnectionString"] = "Data Source=refused-value-probe.db";
        builder.Configuration["Database:MigrateOnStartup"] = "false";
        builder.AddServiceDefaults();
        builder.AddServiceDatabase<SagaTestDbContext, SqliteSagaTestDbContext, PostgresSagaTestDbContext, SqlServerSagaTestDbContext>();
        await using var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGet("/too-long", string () => throw new DbUpdateException("saving failed",
            new PostgresException("value too long for type character varying(32)", "ERROR", "ERROR", PostgresErrorCodes.StringDataRightTruncation)));
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(new Uri("/too-long", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ReasonCodes.InvalidRequest, problem.GetProperty("reason").GetString());
    }
}
