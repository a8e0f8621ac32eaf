using Changxing.Messaging.Data;
using Changxing.Messaging.Outbox;
using Changxing.Points.Holds;
using Changxing.Points.Ledger;
using Changxing.Points.Members;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Points.Data;

/// <summary>The Points service's own tables. Provider-specific subclasses carry the migrations.</summary>
public abstract class PointsDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<PointsMember> Members => Set<PointsMember>();

    public DbSet<PointsLot> Lots => Set<PointsLot>();

    public DbSet<LedgerEntry> Entries => Set<LedgerEntry>();

    public DbSet<PointsHold> Holds => Set<PointsHold>();

    public DbSet<ReservationRejection> ReservationRejections => Set<ReservationRejection>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PointsDbContext).Assembly);
        modelBuilder.AddTransactionalOutboxEntities();
    }
}
