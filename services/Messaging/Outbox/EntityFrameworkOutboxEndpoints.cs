using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// Registered by <see cref="EntityFrameworkOutboxRegistration.AddEntityFrameworkOutbox{TDbContext}"/>: tells the
/// endpoint defaults which context's outbox every receive endpoint uses, without them knowing the service's type.
/// </summary>
public abstract class EntityFrameworkOutboxEndpoints
{
    public abstract void Configure(IReceiveEndpointConfigurator endpoint, IRegistrationContext context);
}

/// <inheritdoc />
public sealed class EntityFrameworkOutboxEndpoints<TDbContext> : EntityFrameworkOutboxEndpoints
    where TDbContext : DbContext
{
    public override void Configure(IReceiveEndpointConfigurator endpoint, IRegistrationContext context) =>
        endpoint.UseEntityFrameworkOutbox<TDbContext>(context);
}
