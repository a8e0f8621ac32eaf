using Changxing.Messaging.Sagas;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Bench.Sagas;

public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => new BenchSagaStateMap().Configure(modelBuilder);

    private sealed class BenchSagaStateMap : SagaClassMap<BenchSagaState>
    {
        protected override void Configure(EntityTypeBuilder<BenchSagaState> entity, ModelBuilder model)
        {
            entity.ToTable("bench_saga_state");
            entity.Property(x => x.CurrentState).HasMaxLength(64);
            entity.HasIndex(x => x.CurrentState);
        }
    }
}
