using Changxing.Messaging.Data;
using Changxing.ServiceDefaults.Time;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Seed;
using Changxing.Ticketing.Trains;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Changxing.Ticketing.Runs;

/// <summary>
/// Keeps every train scheduled daily for <see cref="TicketingOptions.RunDaysAhead"/> days from today (Beijing time).
/// Idempotent: only missing runs are added, each seeded train's with its "兑" allotments from <see cref="SeedAllotmentPolicy"/>.
/// </summary>
public sealed class RunCalendar(TicketingDbContext db, TimeProvider clock, IOptions<TicketingOptions> options)
{
    public async Task<int> EnsureRunsAsync(CancellationToken cancellationToken)
    {
        var today = ChinaCalendar.Today(clock);
        var last = today.AddDays(options.Value.RunDaysAhead - 1);
        var trains = await db.Trains.AsNoTracking().Select(t => t.Number).ToListAsync(cancellationToken);
        var existing = (await db.Runs.AsNoTracking()
                .Where(r => r.ServiceDate >= today && r.ServiceDate <= last)
                .Select(r => new { r.TrainNumber, r.ServiceDate })
                .ToListAsync(cancellationToken))
            .Select(r => (r.TrainNumber, r.ServiceDate))
            .ToHashSet();

        var added = 0;
        foreach (var train in trains)
        {
            for (var date = today; date <= last; date = date.AddDays(1))
            {
                if (existing.Contains((train, date)))
                {
                    continue;
                }

                var run = new Run { Id = Guid.NewGuid(), TrainNumber = train, ServiceDate = date };
                db.Runs.Add(run);
                if (ReferenceData.IsSeeded(train))
                {
                    db.Allotments.AddRange(SeedAllotmentPolicy.For(train, date, run.Id));
                }

                added++;
            }
        }

        if (added > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (UniqueKeyViolation.Matches(e))
            {
                // Another instance scheduled the same days first (unique train and date): theirs stand.
                db.ChangeTracker.Clear();
                return 0;
            }
        }

        return added;
    }
}
