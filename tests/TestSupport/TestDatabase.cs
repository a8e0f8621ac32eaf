using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Changxing.TestSupport;

/// <summary>
/// A fresh, real database for one test class: a temporary SQLite file, or a new PostgreSQL database
/// (dropped afterwards) when TEST_DATABASE_PROVIDER=Postgres. Never EF's in-memory provider.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteDirectory;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteDirectory, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteDirectory = sqliteDirectory;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider? provider = null)
    {
        var chosen = provider ?? TestEnvironment.DatabaseProvider;
        switch (chosen)
        {
            case DatabaseProvider.Sqlite:
                var dir = Directory.CreateTempSubdirectory("changxing-test-").FullName;
                return new TestDatabase(chosen, $"Data Source={Path.Combine(dir, "test.db")};Default Timeout=30;Pooling=False", dir, null);

            case DatabaseProvider.Postgres:
                var name = "changxing_test_" + Guid.NewGuid().ToString("N")[..16];
                await using (var admin = await OpenPostgresAdminAsync())
                await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin))
                {
                    await create.ExecuteNonQueryAsync();
                }

                var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString)
                {
                    Database = name,
                    MaxPoolSize = 50,
                };
                return new TestDatabase(chosen, builder.ConnectionString, null, name);

            default:
                throw new NotSupportedException($"Tests run on Sqlite or Postgres, not {chosen}.");
        }
    }

    /// <summary>Options for a provider-specific context subclass on this database.</summary>
    public DbContextOptions<TContext> Options<TContext>()
        where TContext : DbContext =>
        (DbContextOptions<TContext>)new DbContextOptionsBuilder<TContext>().UseProvider(Provider, ConnectionString).Options;

    public async ValueTask DisposeAsync()
    {
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A process still holding the file: the temp folder is cleaned by the OS.
            }
        }

        if (_postgresName is not null)
        {
            await DropPostgresAsync(_postgresName);
        }
    }

    /// <summary>
    /// Drops the throw-away database, retrying while a stopping host's last connections go away. A database that
    /// still cannot be dropped is reported, not failed: scripts/test.sh removes leftovers before the next run.
    /// </summary>
    private static async Task DropPostgresAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await using var admin = await OpenPostgresAdminAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (attempt < 5)
            {
                await Console.Error.WriteLineAsync($"Dropping test database {name} failed ({e.SqlState}); retrying.");
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (PostgresException e)
            {
                await Console.Error.WriteLineAsync($"Test database {name} was left behind ({e.SqlState}: {e.MessageText}).");
                return;
            }
        }
    }

    private static async Task<NpgsqlConnection> OpenPostgresAdminAsync()
    {
        var connection = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException(
                "PostgreSQL is required for this test run (TEST_DATABASE_PROVIDER=Postgres) but is not reachable at " +
                $"'{Redact(TestEnvironment.PostgresAdminConnectionString)}'. Run scripts/test.sh, which installs and starts it.", e);
        }
    }

    private static string Redact(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
}
