using Changxing.Messaging.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Messaging.Sagas;

/// <summary>
/// Base mapping of a saga state table: CorrelationId is the primary key and never generated, and a saga with
/// step deadlines (<see cref="IStepDeadlineSaga"/>) gets its deadline columns and the index the sweeper reads.
/// Call it from the service's <c>OnModelCreating</c>: <c>new RedemptionStateMap().Configure(modelBuilder);</c>.
/// </summary>
public abstract class SagaClassMap<TSaga> : ISagaClassMap
    where TSaga : class, ISaga
{
    public const int StepNameLength = 64;

    public Type SagaType => typeof(TSaga);

    public virtual void Configure(ModelBuilder model)
    {
        var entity = model.Entity<TSaga>();
        entity.HasKey(x => x.CorrelationId);
        entity.Property(x => x.CorrelationId).ValueGeneratedNever();

        if (typeof(IStepDeadlineSaga).IsAssignableFrom(typeof(TSaga)))
        {
            ConfigureDeadline(entity);
        }

        Configure(entity, model);
    }

    /// <summary>The saga's own columns (current state, data) go here.</summary>
    protected virtual void Configure(EntityTypeBuilder<TSaga> entity, ModelBuilder model)
    {
    }

    private static void ConfigureDeadline(EntityTypeBuilder<TSaga> entity)
    {
        entity.Property<string?>(nameof(IStepDeadlineSaga.DeadlineStep)).HasMaxLength(StepNameLength);
        entity.Property<int>(nameof(IStepDeadlineSaga.DeadlineAttempt));

        entity.Property<DateTimeOffset?>(nameof(IStepDeadlineSaga.DeadlineAt)).HasUtcDateTimeConversion();
        entity.HasIndex(nameof(IStepDeadlineSaga.DeadlineAt));
    }
}
