using Changxing.Messaging.Data;
using Changxing.Ticketing.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Changxing.Ticketing.Tests;

public class MigrationSpecs
{
    [Fact]
    public void Should_have_Sqlite_migrations_that_match_the_model() =>
        Assert.False(Create<SqliteTicketingDbContext>().Database.HasPendingModelChanges());

    [Fact]
    public void Should_have_Postgres_migrations_that_match_the_model() =>
        Assert.False(Create<PostgresTicketingDbContext>().Database.HasPendingModelChanges());

    [Fact]
    public void Should_have_SqlServer_migrations_that_match_the_model() =>
        Assert.False(Create<SqlServerTicketingDbContext>().Database.HasPendingModelChanges());

    [Fact]
    public void Should_generate_the_SqlServer_script_without_a_server()
    {
        using var context = Create<SqlServerTicketingDbContext>();

        var script = context.GetService<IMigrator>().GenerateScript();

        Assert.All(["Stations", "Trains", "Runs", "RunSeats", "SeatHolds", "Allotments", "Tickets", "redemptions", "payment_strikes"],
            table => Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal));
    }

    private static TContext Create<TContext>()
        where TContext : DbContext, IProviderDbContext =>
        DesignTimeDbContextFactory<TContext>.Create(DesignTimeDbContextFactory<TContext>.DesignTimeConnectionString(TContext.Provider));
}
