using Changxing.Messaging.Data;
using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// What MassTransit's saga pipeline does with one instance while one message is consumed, inside the transaction
/// opened by <see cref="EntityFrameworkSagaRepositoryContextFactory{TSaga,TDbContext}"/>. Nothing here commits:
/// the state and the outbox are released together when the whole message succeeded.
/// </summary>
public sealed class DbContextSagaRepositoryContext<TSaga, TMessage> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>, IDisposable
    where TSaga : class, ISaga
    where TMessage : class
{
    private readonly DbContext _db;
    private readonly ConsumeContext<TMessage> _consumeContext;
    private readonly ISagaConsumeContextFactory<DbContext, TSaga> _factory;
    private readonly SemaphoreSlim _inUse = new(1, 1);

    public DbContextSagaRepositoryContext(DbContext db, ConsumeContext<TMessage> consumeContext, ISagaConsumeContextFactory<DbContext, TSaga> factory)
        : base(consumeContext, db)
    {
        _db = db;
        _consumeContext = consumeContext;
        _factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        _factory.CreateSagaConsumeContext(_db, _consumeContext, instance, SagaConsumeContextMode.Add);

    /// <summary>
    /// Insert-on-initial: writes the new row at once. If another message inserted it first, the row is detached and
    /// MassTransit falls back to <see cref="Load"/>, which waits for and locks the winner's row (EF runs the insert in a
    /// savepoint, so the transaction survives the failed statement).
    /// </summary>
    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        var entry = _db.Set<TSaga>().Add(instance);
        using var savepoints = AutoSavepoints.On(_db);
        try
        {
            await _db.SaveChangesAsync(CancellationToken);
            return await _factory.CreateSagaConsumeContext(_db, _consumeContext, instance, SagaConsumeContextMode.Insert);
        }
        catch (DbUpdateException e) when (UniqueKeyViolation.Matches(e))
        {
            entry.State = EntityState.Detached;
            return null!;
        }
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await RowLockStatement.LoadLockedAsync<TSaga>(_db, nameof(ISaga.CorrelationId), correlationId, CancellationToken);
        return instance is null
            ? null!
            : await _factory.CreateSagaConsumeContext(_db, _consumeContext, instance, SagaConsumeContextMode.Load);
    }

    /// <summary>
    /// Inserts a new instance. Two initiating messages for one CorrelationId may both get here: the second insert
    /// fails with a unique-key violation, its transaction rolls back with nothing published, and the bus retry
    /// applies the message to the instance the first one created.
    /// </summary>
    public Task Save(SagaConsumeContext<TSaga> context) =>
        Exclusive(context, () => _db.Set<TSaga>().Add(context.Saga));

    public Task Update(SagaConsumeContext<TSaga> context) => Exclusive(context, () => { });

    public Task Delete(SagaConsumeContext<TSaga> context) =>
        Exclusive(context, () => _db.Set<TSaga>().Remove(context.Saga));

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public async Task Undo(SagaConsumeContext<TSaga> context)
    {
        await _inUse.WaitAsync(context.CancellationToken);
        try
        {
            var entry = _db.ChangeTracker.Entries<TSaga>().FirstOrDefault(x => x.Entity.CorrelationId == context.Saga.CorrelationId);
            if (entry is not null)
            {
                entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Unchanged;
            }
        }
        finally
        {
            _inUse.Release();
        }
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        _factory.CreateSagaConsumeContext(_db, consumeContext, instance, mode);

    public void Dispose() => _inUse.Dispose();

    private async Task Exclusive(SagaConsumeContext<TSaga> context, Action change)
    {
        await _inUse.WaitAsync(context.CancellationToken);
        try
        {
            change();
            await _db.SaveChangesAsync(CancellationToken);
        }
        finally
        {
            _inUse.Release();
        }
    }
}
