using Changxing.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.ServiceDefaults.Tests.Data;

// One subclass per provider, as in the services.

public sealed class SqliteProbeDbContext(DbContextOptions<SqliteProbeDbContext> options) : ProbeDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresProbeDbContext(DbContextOptions<PostgresProbeDbContext> options) : ProbeDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class SqlServerProbeDbContext(DbContextOptions<SqlServerProbeDbContext> options) : ProbeDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
