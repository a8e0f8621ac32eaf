using Changxing.Messaging.Data;
using Changxing.Messaging.Outbox;
using Changxing.Messaging.Sagas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>A service-like DbContext hosting two saga tables beside nothing else.</summary>
public abstract class SagaTestDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        new CounterStateMap().Configure(modelBuilder);
        new ReservationStateMap().Configure(modelBuilder);
        modelBuilder.AddTransactionalOutboxEntities();
    }

    private sealed class CounterStateMap : SagaClassMap<CounterState>
    {
        protected override void Configure(EntityTypeBuilder<CounterState> entity, ModelBuilder model)
        {
            entity.ToTable("counter_state");
            entity.Property(x => x.CurrentState).HasMaxLength(64);
            entity.Property(x => x.Label).HasMaxLength(100);
            entity.HasIndex(x => x.CurrentState);
        }
    }

    private sealed class ReservationStateMap : SagaClassMap<ReservationState>
    {
        protected override void Configure(EntityTypeBuilder<ReservationState> entity, ModelBuilder model)
        {
            entity.ToTable("reservation_state");
            entity.Property(x => x.CurrentState).HasMaxLength(64);
            entity.Property(x => x.FailureReason).HasMaxLength(200);
        }
    }
}
