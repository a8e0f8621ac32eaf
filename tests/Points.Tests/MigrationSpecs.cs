using Changxing.Points.Data;
using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Changxing.Points.Tests;

/// <summary>Each provider's migrations match the model; no server needed.</summary>
public sealed class MigrationSpecs
{
    private static TContext Create<TContext>()
        where TContext : DbContext, IProviderDbContext =>
        DesignTimeDbContextFactory<TContext>.Create(DesignTimeDbContextFactory<TContext>.DesignTimeConnectionString(TContext.Provider));

    [Fact]
    public void Should_have_sqlite_migrations_matching_the_model()
    {
        using var context = Create<SqlitePointsDbContext>();
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Should_have_postgres_migrations_matching_the_model()
    {
        using var context = Create<PostgresPointsDbContext>();
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Should_have_sqlserver_migrations_matching_the_model()
    {
        using var context = Create<SqlServerPointsDbContext>();
        Assert.False(context.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Should_generate_the_sqlserver_migration_script_without_a_server()
    {
        using var context = Create<SqlServerPointsDbContext>();

        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.Contains("CREATE TABLE [Lots]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Holds]", script, StringComparison.Ordinal);
    }
}
