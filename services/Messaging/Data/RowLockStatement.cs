using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Changxing.Messaging.Data;

/// <summary>
/// The one way to read a row and lock it until the current transaction ends, in the dialect of the provider the context
/// actually runs on: the saga repository's instance, Points' member, anything a writer must own before it reads.
/// The table and column names come from the model, so a mapping may rename them. Must run inside a transaction.
/// <list type="bullet">
/// <item>PostgreSQL: <c>SELECT … FOR UPDATE</c>; a second locker waits, then reads the committed row.</item>
/// <item>SQL Server: <c>WITH (UPDLOCK, ROWLOCK, HOLDLOCK)</c>. UPDLOCK keeps the lock to commit and excludes other
/// lockers while plain readers go on; ROWLOCK keeps it to the one row; HOLDLOCK also locks the key when the row is absent,
/// so a concurrent insert of that key waits for this transaction instead of racing it. The saga repository used the
/// first two and Points' member lock all three; the stronger one serves both.</item>
/// <item>SQLite: a plain SELECT. SQLite has no row locks; the transaction must hold the database's write lock already
/// (BEGIN IMMEDIATE behind the process's writer gate; README.md in this folder).</item>
/// </list>
/// Hand-written: EF Core has no locking read, and the official MassTransit.EntityFrameworkCore package, whose lock
/// statement providers this stands in for, is not available to this project.
/// </summary>
public static class RowLockStatement
{
    private static readonly ConcurrentDictionary<(Type Context, Type Entity, string Key), string> Statements = new();

    /// <summary>
    /// A statement with one parameter, <c>{0}</c>, the value of <paramref name="keyProperty"/>; for
    /// <c>FromSqlRaw(statement, key)</c>.
    /// </summary>
    public static string For<TEntity>(DbContext db, string keyProperty)
        where TEntity : class =>
        Statements.GetOrAdd((db.GetType(), typeof(TEntity), keyProperty), _ => Create(db, typeof(TEntity), keyProperty));

    /// <summary>Reads and locks the row whose <paramref name="keyProperty"/> is <paramref name="key"/>, tracked; null when there is none.</summary>
    public static async Task<TEntity?> LoadLockedAsync<TEntity>(DbContext db, string keyProperty, object key, CancellationToken cancellationToken)
        where TEntity : class
    {
        // Not composed with further operators: the lock clause must stay on the outermost SELECT.
        var rows = await db.Set<TEntity>().FromSqlRaw(For<TEntity>(db, keyProperty), key).AsTracking().ToListAsync(cancellationToken);
        return rows.Count switch
        {
            0 => null,
            1 => rows[0],
            _ => throw new InvalidOperationException($"{keyProperty} {key} matched {rows.Count} rows of {typeof(TEntity).Name}; a row lock needs a unique key."),
        };
    }

    private static string Create(DbContext db, Type entityType, string keyProperty)
    {
        var entity = db.Model.FindEntityType(entityType)
            ?? throw new InvalidOperationException($"{entityType.Name} is not mapped in {db.GetType().Name}.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{entityType.Name} is not mapped to a table.");
        var schema = entity.GetSchema();
        var column = entity.FindProperty(keyProperty)?.GetColumnName(StoreObjectIdentifier.Table(table, schema))
            ?? throw new InvalidOperationException($"{entityType.Name} has no {keyProperty} column.");

        var sql = db.GetService<ISqlGenerationHelper>();
        var from = sql.DelimitIdentifier(table, schema);
        var key = sql.DelimitIdentifier(column);
        return db.Database.GetDatabaseProvider() switch
        {
            DatabaseProvider.SqlServer => $"SELECT * FROM {from} WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE {key} = {{0}}",
            DatabaseProvider.Postgres => $"SELECT * FROM {from} WHERE {key} = {{0}} FOR UPDATE",
            DatabaseProvider.Sqlite => $"SELECT * FROM {from} WHERE {key} = {{0}}",
            var other => throw new NotSupportedException($"No row lock statement for {other}."),
        };
    }
}
