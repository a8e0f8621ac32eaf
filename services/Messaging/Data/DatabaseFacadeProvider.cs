using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Changxing.Messaging.Data;

/// <summary>Which of our providers a live context runs on, for code that must speak its SQL dialect.</summary>
public static class DatabaseFacadeProvider
{
    // EF Core computes a provider's name by reflection on every call (its options extension's assembly name), about
    // half a percent of every service's CPU when asked once per save; the answer never changes for a provider type.
    private static readonly ConcurrentDictionary<Type, DatabaseProvider> ByProviderType = new();

    public static DatabaseProvider GetDatabaseProvider(this DatabaseFacade database)
    {
        var provider = database.GetService<IDatabaseProvider>();
        return ByProviderType.GetOrAdd(provider.GetType(), static (_, p) => Of(p.Name), provider);
    }

    private static DatabaseProvider Of(string name) => name switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.Postgres,
        "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
        var other => throw new NotSupportedException($"EF Core provider '{other}' is not one of Sqlite, Postgres, SqlServer."),
    };
}
