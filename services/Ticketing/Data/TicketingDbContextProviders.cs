using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Changxing.Ticketing.Data;

// One subclass per provider, each with its own migrations folder (Data/Migrations/<Provider>),
// and a design-time factory so `dotnet ef` can build it. Regenerate with scripts/add-migration.sh Ticketing <Name>.

public sealed class SqliteTicketingDbContext(DbContextOptions<SqliteTicketingDbContext> options) : TicketingDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // SQLite cannot compare or order DateTimeOffset text; as 64-bit numbers the sweeper's "expires before now" works.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresTicketingDbContext(DbContextOptions<PostgresTicketingDbContext> options) : TicketingDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class SqlServerTicketingDbContext(DbContextOptions<SqlServerTicketingDbContext> options) : TicketingDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class SqliteTicketingDbContextFactory : DesignTimeDbContextFactory<SqliteTicketingDbContext>;

public sealed class PostgresTicketingDbContextFactory : DesignTimeDbContextFactory<PostgresTicketingDbContext>;

public sealed class SqlServerTicketingDbContextFactory : DesignTimeDbContextFactory<SqlServerTicketingDbContext>;
