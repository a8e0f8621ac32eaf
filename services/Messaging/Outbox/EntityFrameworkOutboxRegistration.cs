using MassTransit;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// The transactional outbox and inbox on a service's own DbContext, registered the way MassTransit's
/// Entity Framework package registers its own (<c>x.AddEntityFrameworkOutbox&lt;TDbContext&gt;(o =&gt; o.UseBusOutbox())</c>):
/// the consume filter on every endpoint (through <c>UseServiceDefaults</c>), the scoped bus outbox for endpoints and
/// jobs, delivery, housekeeping and the backlog check. The context must map the tables
/// (<see cref="OutboxModel.AddTransactionalOutboxEntities"/>).
/// </summary>
public static class EntityFrameworkOutboxRegistration
{
    public static IBusRegistrationConfigurator AddEntityFrameworkOutbox<TDbContext>(this IBusRegistrationConfigurator bus)
        where TDbContext : DbContext
    {
        bus.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        bus.TryAddSingleton(TimeProvider.System);
        bus.AddSingleton<EntityFrameworkOutboxEndpoints>(new EntityFrameworkOutboxEndpoints<TDbContext>());
        bus.ReplaceScoped<IScopedBusContextProvider<IBus>, EntityFrameworkScopedBusContextProvider<TDbContext>>();
        bus.AddHostedService<OutboxDeliveryService<TDbContext>>();
        bus.AddHostedService<OutboxHousekeepingJob<TDbContext>>();
        bus.AddHealthChecks().AddCheck<OutboxBacklogCheck<TDbContext>>("outbox", tags: ["ready"]);
        return bus;
    }

    /// <summary>Stores everything this endpoint's consumers and sagas send in their message's transaction, and drops redeliveries.</summary>
    public static void UseEntityFrameworkOutbox<TDbContext>(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
        where TDbContext : DbContext
    {
        var observer = new EntityFrameworkOutboxConsumeObserver<TDbContext>(endpoint, context);
        endpoint.ConnectConsumerConfigurationObserver(observer);
        endpoint.ConnectSagaConfigurationObserver(observer);
    }
}
