using Changxing.Messaging.Data;
using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// MassTransit's saga-repository seam over the service's own DbContext (scoped: one context per consumed message).
/// Each message runs in one transaction that locks the instance's row, so concurrent messages for one saga are
/// applied one after the other and none is lost.
/// </summary>
public sealed class EntityFrameworkSagaRepositoryContextFactory<TSaga, TDbContext>(
    TDbContext db,
    ISagaConsumeContextFactory<DbContext, TSaga> consumeContextFactory,
    EntityFrameworkSagaRepositoryOptions<TSaga> options)
    : ISagaRepositoryContextFactory<TSaga>, ILoadSagaRepositoryContextFactory<TSaga>, IQuerySagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
    where TDbContext : DbContext
{
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        SagaTransaction.RunAsync(db, options.IsolationLevel, async () =>
        {
            using var repositoryContext = new DbContextSagaRepositoryContext<TSaga, T>(db, context, consumeContextFactory);
            await next.Send(repositoryContext);
        }, context.CancellationToken);

    /// <summary>Query-correlated events: every matching instance is locked, in key order so two queries cannot deadlock.</summary>
    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        SagaTransaction.RunAsync(db, options.IsolationLevel, async () =>
        {
            var ids = await db.Set<TSaga>().AsNoTracking()
                .Where(query.FilterExpression)
                .Select(x => x.CorrelationId)
                .OrderBy(x => x)
                .ToListAsync(context.CancellationToken);

            var instances = new List<TSaga>(ids.Count);
            foreach (var id in ids)
            {
                // Re-read under the lock: a row may have changed or gone between the search and the lock.
                if (await RowLockStatement.LoadLockedAsync<TSaga>(db, nameof(ISaga.CorrelationId), id, context.CancellationToken) is { } instance
                    && query.GetFilter()(instance))
                {
                    instances.Add(instance);
                }
            }

            using var repositoryContext = new DbContextSagaRepositoryContext<TSaga, T>(db, context, consumeContextFactory);
            await next.Send(new LoadedSagaRepositoryQueryContext<TSaga, T>(repositoryContext, instances));
        }, context.CancellationToken);

    public Task<T> Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new DbContextSagaQueryContext<TSaga>(db, cancellationToken));

    public Task<T> Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod, CancellationToken cancellationToken = default)
        where T : class =>
        asyncMethod(new DbContextSagaQueryContext<TSaga>(db, cancellationToken));

    public void Probe(ProbeContext context)
    {
        context.Add("persistence", "entity-framework-core");
        context.Add("dbContext", typeof(TDbContext).Name);
        context.Add("provider", db.Database.ProviderName ?? "unknown");
    }
}
