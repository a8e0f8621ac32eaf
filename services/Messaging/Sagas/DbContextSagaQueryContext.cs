using MassTransit;
using MassTransit.Middleware;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Sagas;

/// <summary>Reads saga instances for inspection (<see cref="ILoadSagaRepository{TSaga}"/>, <see cref="IQuerySagaRepository{TSaga}"/>): no lock, no tracking.</summary>
public sealed class DbContextSagaQueryContext<TSaga>(DbContext db, CancellationToken cancellationToken)
    : BasePipeContext(cancellationToken), LoadSagaRepositoryContext<TSaga>, QuerySagaRepositoryContext<TSaga>
    where TSaga : class, ISaga
{
    public async Task<TSaga> Load(Guid correlationId) =>
        (await db.Set<TSaga>().AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == correlationId, CancellationToken))!;

    public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query, CancellationToken cancellationToken)
    {
        var ids = await db.Set<TSaga>()
            .AsNoTracking()
            .Where(query.FilterExpression)
            .Select(x => x.CorrelationId)
            .ToListAsync(cancellationToken);
        return new DefaultSagaRepositoryQueryContext<TSaga>(this, ids);
    }
}
