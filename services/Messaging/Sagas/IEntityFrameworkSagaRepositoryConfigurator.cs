using System.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Sagas;

/// <summary>The subset of MassTransit.EntityFrameworkCore's configurator this repository supports (pessimistic concurrency only).</summary>
public interface IEntityFrameworkSagaRepositoryConfigurator<TSaga>
    where TSaga : class
{
    /// <summary>
    /// ReadCommitted by default: the row lock (UPDLOCK, FOR UPDATE) serialises one saga, and a race between two inserts
    /// is settled by the primary key. SQLite ignores it.
    /// </summary>
    IsolationLevel IsolationLevel { set; }

    /// <summary>Use the service's already registered DbContext, whose model maps the saga (see <see cref="SagaClassMap{TSaga}"/>).</summary>
    void ExistingDbContext<TContext>()
        where TContext : DbContext;
}
