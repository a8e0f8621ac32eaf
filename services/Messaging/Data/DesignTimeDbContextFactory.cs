using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Changxing.Messaging.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build a provider-specific context without starting the service.
/// A service declares one closed subclass per provider, e.g. <c>class F : DesignTimeDbContextFactory&lt;SqlitePointsDbContext&gt;;</c>.
/// </summary>
public abstract class DesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext, IProviderDbContext
{
    public TContext CreateDbContext(string[] args) => Create(DesignTimeConnectionString(TContext.Provider));

    /// <summary>Builds the context on its provider without opening a connection: used by migration-script tests too.</summary>
    public static TContext Create(string connectionString)
    {
        var options = new DbContextOptionsBuilder<TContext>().UseProvider(TContext.Provider, connectionString).Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }

    public static string DesignTimeConnectionString(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=design-time.db",
        DatabaseProvider.Postgres => "Host=localhost;Database=design_time",
        DatabaseProvider.SqlServer => "Server=localhost;Database=design_time;TrustServerCertificate=True",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}
