using Changxing.Messaging.Data;

namespace Changxing.Points.Data;

/// <summary>
/// The queue of this process's member transactions (<see cref="MemberTransactions"/>) on SQLite. SQLite has one writer
/// per database file; queueing them in-process keeps the worst wait near milliseconds, where many writers spinning on
/// busy_timeout wait seconds (docs/PERFORMANCE.md, platform facts). No turn is taken on the server providers, whose
/// member row lock lets different members' changes run side by side.
/// </summary>
public sealed class MemberTransactionGate(DatabaseSettings settings) : IDisposable
{
    private readonly InProcessGate _gate = new();

    /// <summary>The turn to dispose after the transaction ends; null on the server providers.</summary>
    public async ValueTask<GateTurn?> EnterAsync(CancellationToken cancellationToken) =>
        settings.Provider == DatabaseProvider.Sqlite ? await _gate.EnterAsync(cancellationToken) : null;

    public void Dispose() => _gate.Dispose();
}
