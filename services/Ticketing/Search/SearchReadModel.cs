using System.Collections.Concurrent;
using Changxing.ServiceDefaults.Time;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Trains;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Search;

/// <summary>
/// The in-memory read model search answers from (the hottest path: no database call per search). It is loaded at
/// start-up and whenever reference data changes, and every committed seat or quota change hands it the run's new
/// <see cref="RunAvailability"/>; a newer version always wins, so out-of-order updates cannot roll a run back.
/// </summary>
public sealed class SearchReadModel(TimeProvider clock)
{
    /// <summary>Runs that left their origin this many days ago still carry passengers (overnight trains) and stay loaded.</summary>
    public const int PastDaysKept = 3;

    private readonly ConcurrentDictionary<RunKey, RunAvailability> _runs = new();
    private volatile NetworkSnapshot _network = NetworkSnapshot.Empty;

    public NetworkSnapshot Network => _network;

    public RunAvailability? Find(string trainNumber, DateOnly serviceDate) =>
        _runs.TryGetValue(new RunKey(trainNumber, serviceDate), out var run) ? run : null;

    public void Apply(RunAvailability run) =>
        _runs.AddOrUpdate(
            new RunKey(run.TrainNumber, run.ServiceDate),
            run,
            (_, current) => run.Version > current.Version ? run : current);

    public async Task ReloadAsync(TicketingDbContext db, CancellationToken cancellationToken)
    {
        var stations = await db.Stations.AsNoTracking().ToListAsync(cancellationToken);
        var trains = await db.Trains.AsNoTracking()
            .Include(t => t.Stops).Include(t => t.Cars).Include(t => t.Fares)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        _network = new NetworkSnapshot(stations, trains);

        var since = ChinaCalendar.Today(clock).AddDays(-PastDaysKept);
        var runs = await db.Runs.AsNoTracking().Where(r => r.ServiceDate >= since).ToListAsync(cancellationToken);
        var seats = (await db.RunSeats.AsNoTracking()
                .Where(s => s.SoldLegs != 0 && db.Runs.Any(r => r.Id == s.RunId && r.ServiceDate >= since))
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.RunId);
        var allotments = (await db.Allotments.AsNoTracking()
                .Where(a => db.Runs.Any(r => r.Id == a.RunId && r.ServiceDate >= since))
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.RunId);
        foreach (var run in runs)
        {
            Apply(new RunAvailability(run.Id, run.TrainNumber, run.ServiceDate, run.Version, seats[run.Id], allotments[run.Id]));
        }

        foreach (var key in _runs.Keys.Where(k => k.ServiceDate < since))
        {
            _runs.TryRemove(key, out _);
        }
    }

    private readonly record struct RunKey(string TrainNumber, DateOnly ServiceDate);
}
