using MassTransit;
using MassTransit.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// Decides what a scope's <see cref="IPublishEndpoint"/> and <see cref="ISendEndpointProvider"/> are: inside a
/// consumed message, the consume context (which the outbox filter already made store its messages); anywhere else,
/// the outbox of the scope's <typeparamref name="TDbContext"/> (<see cref="EntityFrameworkScopedBusContext{TDbContext}"/>).
/// Replaces MassTransit's default provider, as its Entity Framework bus outbox does.
/// </summary>
public sealed class EntityFrameworkScopedBusContextProvider<TDbContext> : IScopedBusContextProvider<IBus>
    where TDbContext : DbContext
{
    public EntityFrameworkScopedBusContextProvider(IBus bus, TDbContext db, Bind<IBus, IClientFactory> clientFactory,
        Bind<IBus, IScopedConsumeContextProvider> consumeContextProvider, IScopedConsumeContextProvider globalConsumeContextProvider,
        IServiceProvider services)
    {
        if (consumeContextProvider.Value.HasContext)
        {
            Context = new ConsumeContextScopedBusContext(consumeContextProvider.Value.GetContext(), clientFactory.Value);
        }
        else if (globalConsumeContextProvider.HasContext)
        {
            Context = new ConsumeContextScopedBusContext(globalConsumeContextProvider.GetContext(), clientFactory.Value);
        }
        else
        {
            Context = new EntityFrameworkScopedBusContext<TDbContext>(bus, db, clientFactory.Value, services);
        }
    }

    public ScopedBusContext Context { get; }
}
