using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Changxing.Membership.Data;

// One subclass per provider, each with its own migrations folder (Data/Migrations/<Provider>),
// and a design-time factory so `dotnet ef` can build it. Regenerate with scripts/add-migration.sh Membership <Name>.

public sealed class SqliteMembershipDbContext(DbContextOptions<SqliteMembershipDbContext> options) : MembershipDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // SQLite cannot compare or order DateTimeOffset text; as binary (all values are UTC) it can.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class PostgresMembershipDbContext(DbContextOptions<PostgresMembershipDbContext> options) : MembershipDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.Postgres;
}

public sealed class SqlServerMembershipDbContext(DbContextOptions<SqlServerMembershipDbContext> options) : MembershipDbContext(options), IProviderDbContext
{
    public static DatabaseProvider Provider => DatabaseProvider.SqlServer;
}

public sealed class SqliteMembershipDbContextFactory : DesignTimeDbContextFactory<SqliteMembershipDbContext>;

public sealed class PostgresMembershipDbContextFactory : DesignTimeDbContextFactory<PostgresMembershipDbContext>;

public sealed class SqlServerMembershipDbContextFactory : DesignTimeDbContextFactory<SqlServerMembershipDbContext>;
