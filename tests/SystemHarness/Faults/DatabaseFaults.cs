using Changxing.TestSupport;
using Npgsql;

namespace Changxing.SystemHarness.Faults;

/// <summary>
/// PostgreSQL refusing connections. <see cref="RefuseConnectionsAsync"/> acts on named databases only (their owner,
/// the test role, may close them), so other suites on the same server go on; <see cref="StopServerAsync"/> stops the
/// whole cluster and belongs to the fault command run by hand.
/// </summary>
public static class DatabaseFaults
{
    /// <summary>
    /// For <paramref name="duration"/>, the databases refuse new connections and their open ones are terminated, as
    /// when their server is down; then they accept connections again.
    /// </summary>
    public static async Task RefuseConnectionsAsync(IEnumerable<string> connectionStrings, TimeSpan duration)
    {
        var databases = connectionStrings.Select(c => new NpgsqlConnectionStringBuilder(c).Database!).ToList();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        try
        {
            foreach (var database in databases)
            {
                await ExecuteAsync(admin, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
                await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
            }

            await Task.Delay(duration);
        }
        finally
        {
            foreach (var database in databases)
            {
                await ExecuteAsync(admin, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
            }
        }
    }

    /// <summary>Stops the local PostgreSQL cluster (fast shutdown: sessions are cut), waits, and starts it again.</summary>
    public static async Task StopServerAsync(TimeSpan duration)
    {
        var cluster = (await ExternalCommand.RunAsync("pg_lsclusters", "-h")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (version, name) = (cluster[0], cluster[1]);
        await ExternalCommand.RunAsync("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "fast");
        try
        {
            await Task.Delay(duration);
        }
        finally
        {
            await ExternalCommand.RunAsync("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
