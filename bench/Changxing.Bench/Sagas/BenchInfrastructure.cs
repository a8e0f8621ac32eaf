using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Changxing.Bench.Sagas;

/// <summary>Throw-away resources for one benchmark run: a RabbitMQ virtual host, a SQLite file, a PostgreSQL database.</summary>
public static class BenchInfrastructure
{
    public const string PostgresAdmin = "Host=127.0.0.1;Username=changxing;Password=changxing;Database=postgres";

    public static async Task<string> CreateVirtualHostAsync()
    {
        var name = "bench-sagas-" + Guid.NewGuid().ToString("N")[..8];
        await RabbitMqCtlAsync("add_vhost", name);
        await RabbitMqCtlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return name;
    }

    public static Task DeleteVirtualHostAsync(string name) => RabbitMqCtlAsync("delete_vhost", name);

    public static string CreateSqliteFile() =>
        $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("changxing-bench-").FullName, "sagas.db")};Default Timeout=30;Pooling=True";

    public static void DeleteSqliteFile(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var name = "changxing_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecutePostgresAsync($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, MaxPoolSize = 100 }.ConnectionString;
    }

    public static async Task DropPostgresDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecutePostgresAsync($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
    }

    private static async Task ExecutePostgresAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresAdmin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task RabbitMqCtlAsync(params string[] args)
    {
        var start = new ProcessStartInfo("rabbitmqctl") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-q");
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start rabbitmqctl.");
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}");
        }
    }
}
