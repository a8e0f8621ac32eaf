using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Changxing.Messaging.Data;

/// <summary>Which of our providers a live context runs on, for code that must speak its SQL dialect.</summary>
public static class DatabaseFacadeProvider
{
    public static DatabaseProvider GetDatabaseProvider(this DatabaseFacade database) =>
        database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
            "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.Postgres,
            "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
            var other => throw new NotSupportedException($"EF Core provider '{other}' is not one of Sqlite, Postgres, SqlServer."),
        };
}
