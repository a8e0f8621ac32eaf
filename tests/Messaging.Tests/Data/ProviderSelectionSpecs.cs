using Changxing.Messaging.Data;
using Changxing.Messaging.Tests.Sagas;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Tests.Data;

/// <summary>Database:Provider picks the provider and the subclass that carries that provider's migrations; no server is needed to see it.</summary>
public sealed class ProviderSelectionSpecs
{
    [Theory]
    [InlineData("SqlServer", "Server=db.invalid;Database=probe;User Id=sa;Password=x", typeof(SqlServerSagaTestDbContext), "Microsoft.EntityFrameworkCore.SqlServer")]
    [InlineData("Postgres", "Host=db.invalid;Database=probe;Username=probe;Password=x", typeof(PostgresSagaTestDbContext), "Npgsql.EntityFrameworkCore.PostgreSQL")]
    [InlineData("Sqlite", "Data Source=probe.db", typeof(SqliteSagaTestDbContext), "Microsoft.EntityFrameworkCore.Sqlite")]
    public async Task Should_back_the_service_context_with_the_configured_provider(string provider, string connectionString, Type expectedContext, string expectedProvider)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["Database:ConnectionString"] = connectionString;
        builder.AddServiceDatabase<SagaTestDbContext, SqliteSagaTestDbContext, PostgresSagaTestDbContext, SqlServerSagaTestDbContext>();
        await using var app = builder.Build();

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SagaTestDbContext>();

        Assert.IsType(expectedContext, db);
        Assert.Equal(expectedProvider, db.Database.ProviderName);
        Assert.Contains("probe", db.Database.GetConnectionString(), StringComparison.Ordinal);
    }
}
