using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Data;

/// <summary>
/// The base of every service's DbContext. On SQLite, a SaveChanges outside any transaction of the caller (an API's
/// insert, a consumer's single save) waits its turn in the process's queue of the file's writers
/// (<see cref="SqliteFileWriterGate"/>) instead of meeting a held write lock and sleeping in the driver's busy retry:
/// under load that sleep, not the CPU, was what limited a service (docs/PERFORMANCE.md). Writes inside a transaction
/// are the transaction owner's to queue.
/// </summary>
/// <remarks>
/// The turn is held around the whole save in a <c>finally</c>, so no failure in it can keep the turn. An interceptor
/// pair did this before (the turn taken in <c>SavingChanges</c>, given back in <c>SavedChanges</c> or
/// <c>SaveChangesFailed</c>), but EF Core calls neither when change detection or a later <c>SavingChanges</c>
/// interceptor throws: the lost turn then made every later write of the process wait out its patience.
/// </remarks>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>How long a save waits for its turn before it goes on to SQLite's own busy handling.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var turn = NeedsTurn
            ? SqliteFileWriterGate.TryEnterAsync(Database.GetConnectionString(), Patience, CancellationToken.None).AsTask().GetAwaiter().GetResult()
            : null;
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var turn = NeedsTurn
            ? await SqliteFileWriterGate.TryEnterAsync(Database.GetConnectionString(), Patience, cancellationToken)
            : null;
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private bool NeedsTurn => Database.CurrentTransaction is null && Database.GetDatabaseProvider() == DatabaseProvider.Sqlite;
}
