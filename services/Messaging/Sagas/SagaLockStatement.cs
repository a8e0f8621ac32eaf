using System.Collections.Concurrent;
using Changxing.Messaging.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// The SQL that reads one saga row and locks it until the transaction ends, in the dialect of the provider the
/// context actually runs on. The table and column names come from the model, so a class map may rename them.
/// SQLite has no row locks: its transaction already holds the database's write lock (<see cref="SagaTransaction"/>).
/// </summary>
public static class SagaLockStatement
{
    private static readonly ConcurrentDictionary<(Type Context, Type Saga), string> Statements = new();

    /// <summary>A statement with one parameter, <c>{0}</c>, the CorrelationId; for <c>FromSqlRaw(statement, correlationId)</c>.</summary>
    public static string For<TSaga>(DbContext db)
        where TSaga : class, ISaga =>
        Statements.GetOrAdd((db.GetType(), typeof(TSaga)), _ => Create(db, typeof(TSaga)));

    /// <summary>Reads and locks the instance; null when there is none (nothing is locked then).</summary>
    public static async Task<TSaga?> LoadLockedAsync<TSaga>(DbContext db, Guid correlationId, CancellationToken cancellationToken)
        where TSaga : class, ISaga
    {
        // Not composed with further operators: the lock clause must stay on the outermost SELECT.
        var rows = await db.Set<TSaga>().FromSqlRaw(For<TSaga>(db), correlationId).AsTracking().ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static string Create(DbContext db, Type sagaType)
    {
        var entity = db.Model.FindEntityType(sagaType)
            ?? throw new InvalidOperationException($"{sagaType.Name} is not mapped in {db.GetType().Name}: call its SagaClassMap from OnModelCreating.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{sagaType.Name} is not mapped to a table.");
        var schema = entity.GetSchema();
        var column = entity.FindProperty(nameof(ISaga.CorrelationId))?.GetColumnName(StoreObjectIdentifier.Table(table, schema))
            ?? throw new InvalidOperationException($"{sagaType.Name} has no CorrelationId column.");

        var sql = db.GetService<ISqlGenerationHelper>();
        var from = sql.DelimitIdentifier(table, schema);
        var key = sql.DelimitIdentifier(column);
        return db.Database.GetDatabaseProvider() switch
        {
            DatabaseProvider.SqlServer => $"SELECT * FROM {from} WITH (UPDLOCK, ROWLOCK) WHERE {key} = {{0}}",
            DatabaseProvider.Postgres => $"SELECT * FROM {from} WHERE {key} = {{0}} FOR UPDATE",
            DatabaseProvider.Sqlite => $"SELECT * FROM {from} WHERE {key} = {{0}}",
            var other => throw new NotSupportedException($"No saga lock statement for {other}."),
        };
    }
}
