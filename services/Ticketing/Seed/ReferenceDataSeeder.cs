using Changxing.Messaging.Data;
using Changxing.Ticketing.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Seed;

/// <summary>Inserts the reference stations and trains that are missing; never overwrites what operators changed.</summary>
public sealed class ReferenceDataSeeder(TicketingDbContext db)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var stations = await db.Stations.Select(s => s.Code).ToListAsync(cancellationToken);
        var trains = await db.Trains.Select(t => t.Number).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var station in ReferenceData.Stations.Where(s => !stations.Contains(s.Code)))
        {
            db.Stations.Add(new Stations.Station { Code = station.Code, Name = station.Name, Pinyin = station.Pinyin });
            added++;
        }

        foreach (var train in ReferenceData.Trains().Where(t => !trains.Contains(t.Number)))
        {
            db.Trains.Add(train);
            added++;
        }

        if (added > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (UniqueKeyViolation.Matches(e))
            {
                // Another instance seeded at the same moment; its rows are the same.
                db.ChangeTracker.Clear();
                return 0;
            }
        }

        return added;
    }
}
