using Changxing.Messaging.Data;
using Changxing.Messaging.Outbox;
using Changxing.Ticketing.Allotments;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Members;
using Changxing.Ticketing.Redemptions;
using Changxing.Ticketing.Redemptions.Strikes;
using Changxing.Ticketing.Runs;
using Changxing.Ticketing.Stations;
using Changxing.Ticketing.Tickets;
using Changxing.Ticketing.Trains;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Data;

/// <summary>The Ticketing service's own tables. Provider-specific subclasses carry the migrations.</summary>
public abstract class TicketingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Station> Stations => Set<Station>();

    public DbSet<Train> Trains => Set<Train>();

    public DbSet<TrainStop> TrainStops => Set<TrainStop>();

    public DbSet<TrainCar> TrainCars => Set<TrainCar>();

    public DbSet<SegmentFare> SegmentFares => Set<SegmentFare>();

    public DbSet<Run> Runs => Set<Run>();

    public DbSet<Allotment> Allotments => Set<Allotment>();

    public DbSet<RunSeat> RunSeats => Set<RunSeat>();

    public DbSet<SeatHold> SeatHolds => Set<SeatHold>();

    public DbSet<Ticket> Tickets => Set<Ticket>();

    /// <summary>Members Ticketing has heard are active (<see cref="KnownMemberProjection"/>).</summary>
    public DbSet<KnownMember> KnownMembers => Set<KnownMember>();

    /// <summary>Work to do once the current transaction commits (<see cref="AfterCommitInterceptor"/>).</summary>
    internal List<Action> AfterCommit { get; } = [];

    /// <summary>What every Ticketing context needs beyond its provider: the after-commit hook. Used by the service's registration and the tests' hosts.</summary>
    public static DbContextOptionsBuilder AddTicketingInterceptors(DbContextOptionsBuilder options) => options.AddInterceptors(AfterCommitInterceptor.Instance);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TicketingDbContext).Assembly);
        modelBuilder.AddTransactionalOutboxEntities();
        new RedemptionStateMap().Configure(modelBuilder);
        new PaymentStrikeStateMap().Configure(modelBuilder);
    }
}
