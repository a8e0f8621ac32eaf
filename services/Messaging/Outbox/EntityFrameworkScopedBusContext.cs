using MassTransit;
using MassTransit.Clients;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using MassTransit.Middleware.Outbox;
using MassTransit.Transports;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// The bus as an API endpoint or a background job sees it (a scope without a consumed message): what it sends or
/// publishes becomes an <see cref="OutboxMessage"/> row of the scope's <typeparamref name="TDbContext"/>, stored by the
/// caller's next SaveChanges, in its transaction when it has one. So publish before you save: a message published
/// after the last save is never stored. Requests (request clients) go straight to the bus; they change nothing.
/// </summary>
public sealed class EntityFrameworkScopedBusContext<TDbContext>(IBus bus, TDbContext db, IClientFactory clientFactory, IServiceProvider services)
    : ScopedBusContext, OutboxSendContext
    where TDbContext : DbContext
{
    private IPublishEndpoint? _publishEndpoint;
    private ISendEndpointProvider? _sendEndpointProvider;
    private IScopedClientFactory? _clientFactory;

    public ISendEndpointProvider SendEndpointProvider =>
        _sendEndpointProvider ??= new OutboxSendEndpointProvider(this, new ScopedSendEndpointProvider(bus, services));

    public IPublishEndpoint PublishEndpoint =>
        _publishEndpoint ??= new PublishEndpoint(new OutboxPublishEndpointProvider(this, new ScopedPublishEndpointProvider(bus, services)));

    public IScopedClientFactory ClientFactory =>
        _clientFactory ??= new ScopedClientFactory(new ClientFactory(new ScopedClientFactoryContext(clientFactory, services)), null);

    public Task AddSend<T>(SendContext<T> context)
        where T : class =>
        db.AddSend(context);

    public object? GetService(Type serviceType) => services.GetService(serviceType);
}
