using Changxing.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Data;

// One subclass per provider, each with its own migrations folder (Data/Migrations/<Provider>),
// and a design-time factory so `dotnet ef` can build it. Regenerate with scripts/add-migration.sh Ticketing <Name>.

public sealed class SqliteTicketingDbContext(DbContextOptions<SqliteTicketingDbContext> options) : TicketingDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;
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
