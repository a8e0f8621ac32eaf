using MassTransit;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// <c>x.AddSagaStateMachine&lt;M, S&gt;().EntityFrameworkRepository(r =&gt; r.ExistingDbContext&lt;TicketingDbContext&gt;());</c>
/// Same call shape as MassTransit.EntityFrameworkCore, so moving to it later is a using and a package.
/// </summary>
public static class EntityFrameworkSagaRepositoryRegistration
{
    public static ISagaRegistrationConfigurator<TSaga> EntityFrameworkRepository<TSaga>(
        this ISagaRegistrationConfigurator<TSaga> configurator,
        Action<IEntityFrameworkSagaRepositoryConfigurator<TSaga>> configure)
        where TSaga : class, ISaga
    {
        var repository = new EntityFrameworkSagaRepositoryConfigurator<TSaga>();
        configure(repository);
        configurator.Repository(repository.Register);
        return configurator;
    }
}
