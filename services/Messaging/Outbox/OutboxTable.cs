using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Changxing.Messaging.Outbox;

/// <summary>The statements <see cref="OutboxDeliveryService{TDbContext}"/> runs on the outbox table: pending rows read, locked and marked delivered.</summary>
internal static class OutboxTable
{
    /// <summary>The oldest pending rows stored before <paramref name="storedBefore"/>, at most <paramref name="limit"/> (SQLite: one process per file, no lock needed).</summary>
    public static Task<List<OutboxMessage>> PendingAsync(DbContext db, DateTime storedBefore, int limit, CancellationToken cancellationToken) =>
        db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Delivered == null && m.SentTime <= storedBefore)
            .OrderBy(m => m.SequenceNumber)
            .Take(limit)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// The same rows on a server database, locked until the caller's transaction ends; rows another instance has locked
    /// are skipped (<c>SKIP LOCKED</c> / <c>READPAST</c>), so instances recover different messages.
    /// </summary>
    public static Task<List<OutboxMessage>> LockPendingAsync(DbContext db, DateTime storedBefore, int limit, CancellationToken cancellationToken) =>
        db.Set<OutboxMessage>().FromSqlRaw(LockedBatchStatement(db), storedBefore, limit).AsNoTracking().ToListAsync(cancellationToken);

    public static Task<int> MarkDeliveredAsync(DbContext db, List<long> sent, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        return sent.Count == 0
            ? Task.FromResult(0)
            : db.Set<OutboxMessage>()
                .Where(m => sent.Contains(m.SequenceNumber))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Delivered, now), cancellationToken);
    }

    /// <summary>The oldest pending rows stored before <c>{0}</c>, at most <c>{1}</c>, locked, skipping rows another instance has locked.</summary>
    private static string LockedBatchStatement(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var delivered = sql.DelimitIdentifier(nameof(OutboxMessage.Delivered));
        var sentTime = sql.DelimitIdentifier(nameof(OutboxMessage.SentTime));
        var sequence = sql.DelimitIdentifier(nameof(OutboxMessage.SequenceNumber));
        return db.Database.GetDatabaseProvider() switch
        {
            DatabaseProvider.SqlServer =>
                $"SELECT TOP ({{1}}) * FROM {table} WITH (UPDLOCK, ROWLOCK, READPAST) WHERE {delivered} IS NULL AND {sentTime} <= {{0}} ORDER BY {sequence}",
            _ => $"SELECT * FROM {table} WHERE {delivered} IS NULL AND {sentTime} <= {{0}} ORDER BY {sequence} LIMIT {{1}} FOR UPDATE SKIP LOCKED",
        };
    }
}
