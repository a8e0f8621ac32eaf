using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Tests.Sagas;

// One subclass per provider, as in the services; the tests create the schema with EnsureCreated.

public sealed class SqliteSagaTestDbContext(DbContextOptions<SqliteSagaTestDbContext> options) : SagaTestDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresSagaTestDbContext(DbContextOptions<PostgresSagaTestDbContext> options) : SagaTestDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class SqlServerSagaTestDbContext(DbContextOptions<SqlServerSagaTestDbContext> options) : SagaTestDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
