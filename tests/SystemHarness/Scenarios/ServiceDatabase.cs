using System.Data.Common;
using Changxing.Messaging.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Changxing.SystemHarness.Scenarios;

/// <summary>
/// A read connection to one service's own database, whichever provider the system runs on: its SQLite file (opened
/// read-only) or its throw-away PostgreSQL database. Queries quote identifiers ("Holds"."Status"), which both accept.
/// </summary>
public sealed class ServiceDatabase : IAsyncDisposable
{
    private readonly DbConnection _connection;

    private ServiceDatabase(DbConnection connection) => _connection = connection;

    public static async Task<ServiceDatabase> OpenAsync(SystemUnderTest system, string service)
    {
        DbConnection connection = system.Options.Database switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(
                $"Data Source={Path.Combine(system.DataDirectory, service.ToLowerInvariant() + ".db")};Mode=ReadOnly;Pooling=False;Default Timeout=30"),
            DatabaseProvider.Postgres => new NpgsqlConnection(new NpgsqlConnectionStringBuilder(system.ConnectionString(service)) { Pooling = false }.ConnectionString),
            var other => throw new NotSupportedException($"Invariants read Sqlite or Postgres, not {other}."),
        };
        await connection.OpenAsync();
        return new ServiceDatabase(connection);
    }

    /// <summary>Every row of <paramref name="sql"/>, each mapped by <paramref name="map"/>.</summary>
    public async Task<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> map)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
