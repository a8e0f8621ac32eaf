using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Changxing.Messaging.Data;

/// <summary>
/// Applies the provider's migrations before the rest of the service starts (hosted services start in order). Instances
/// starting together migrate one after another (<see cref="ExclusiveJobLock"/>, waited for): two at once on PostgreSQL
/// both applied the same migration and one stopped with "column already exists" (the scale-out drill saw it).
/// </summary>
public sealed partial class DatabaseMigrator<TContext>(IServiceProvider services, DatabaseSettings settings, ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            PrepareSqliteFile(settings.ConnectionString);
        }

        await using var migrating = await ExclusiveJobLock.WaitAsync(settings, "migrations:" + typeof(TContext).Name, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers proceed beside the single writer; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogMigrated(logger, typeof(TContext).Name, settings.Provider, pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void PrepareSqliteFile(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database for {Context} on {Provider} is up to date ({Applied} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, string context, DatabaseProvider provider, int applied);
}
