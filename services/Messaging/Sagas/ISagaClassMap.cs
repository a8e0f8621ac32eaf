using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Sagas;

/// <summary>Maps one saga's state table into a service's DbContext (same shape as MassTransit.EntityFrameworkCore's).</summary>
public interface ISagaClassMap
{
    Type SagaType { get; }

    void Configure(ModelBuilder model);
}
