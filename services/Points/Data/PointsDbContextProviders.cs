using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Changxing.Points.Data;

// One subclass per provider, each with its own migrations folder (Data/Migrations/<Provider>),
// and a design-time factory so `dotnet ef` can build it. Regenerate with scripts/add-migration.sh Points <Name>.

public sealed class SqlitePointsDbContext(DbContextOptions<SqlitePointsDbContext> options) : PointsDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // SQLite has no date-time-offset type: EF cannot compare or sort it there (the hold sweeper compares deadlines),
    // so store instants as sortable UTC ticks on this provider.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresPointsDbContext(DbContextOptions<PostgresPointsDbContext> options) : PointsDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class SqlServerPointsDbContext(DbContextOptions<SqlServerPointsDbContext> options) : PointsDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class SqlitePointsDbContextFactory : DesignTimeDbContextFactory<SqlitePointsDbContext>;

public sealed class PostgresPointsDbContextFactory : DesignTimeDbContextFactory<PostgresPointsDbContext>;

public sealed class SqlServerPointsDbContextFactory : DesignTimeDbContextFactory<SqlServerPointsDbContext>;
