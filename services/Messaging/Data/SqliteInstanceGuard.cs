using Microsoft.Extensions.Hosting;

namespace Changxing.Messaging.Data;

/// <summary>
/// Holds <see cref="SqliteInstanceLock"/> from start-up until the host stops; registered before the migrator, so a second
/// process on the same SQLite file stops before it touches the file, with a message saying why.
/// </summary>
public sealed class SqliteInstanceGuard(DatabaseSettings settings) : IHostedService, IDisposable
{
    private IDisposable? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _lock = SqliteInstanceLock.Acquire(settings.ConnectionString);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _lock, null)?.Dispose();
    }
}
