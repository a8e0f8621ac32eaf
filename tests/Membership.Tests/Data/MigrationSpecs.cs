using Changxing.Membership.Data;
using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Changxing.Membership.Tests.Data;

/// <summary>Each provider's migrations match the model, and the SQL Server script can be produced without a server.</summary>
public sealed class MigrationSpecs
{
    [Fact]
    public void Should_have_sqlite_migrations_that_match_the_model() => AssertNoPendingChanges<SqliteMembershipDbContext>();

    [Fact]
    public void Should_have_postgres_migrations_that_match_the_model() => AssertNoPendingChanges<PostgresMembershipDbContext>();

    [Fact]
    public void Should_have_sqlserver_migrations_that_match_the_model() => AssertNoPendingChanges<SqlServerMembershipDbContext>();

    [Fact]
    public void Should_generate_the_sqlserver_migration_script_without_a_server()
    {
        using var context = Create<SqlServerMembershipDbContext>();
        var script = context.GetService<IMigrator>().GenerateScript();
        Assert.Contains("CREATE TABLE [Members]", script);
        Assert.Contains("CREATE TABLE [Beneficiaries]", script);
    }

    private static void AssertNoPendingChanges<TContext>()
        where TContext : DbContext, IProviderDbContext
    {
        using var context = Create<TContext>();
        Assert.False(context.Database.HasPendingModelChanges(), $"{typeof(TContext).Name}: run scripts/add-migration.sh Membership <Name>.");
    }

    private static TContext Create<TContext>()
        where TContext : DbContext, IProviderDbContext =>
        DesignTimeDbContextFactory<TContext>.Create(DesignTimeDbContextFactory<TContext>.DesignTimeConnectionString(TContext.Provider));
}
