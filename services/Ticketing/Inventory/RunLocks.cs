using Changxing.Ticketing.Data;
using Changxing.Ticketing.Search;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Inventory;

/// <summary>
/// Runs a change to one run's inventory in a transaction that first bumps the run's version: the UPDATE takes the
/// row lock (PostgreSQL and SQL Server hold it to commit; SQLite's BEGIN IMMEDIATE takes the database write lock), so
/// writers of one run queue and each reads the seats its predecessor committed. After commit the read model gets the
/// run's new picture.
/// </summary>
public sealed class RunLocks(TicketingDbContext db, SearchReadModel readModel, RunGate gate)
{
    public async Task<T> ExecuteAsync<T>(Guid runId, Func<LockedRun, Task<T>> change, CancellationToken cancellationToken)
    {
        using var _ = await gate.EnterAsync(runId, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        var (result, snapshot) = await strategy.ExecuteAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var locked = await db.Runs
                    .Where(r => r.Id == runId)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version + 1), ct);
                if (locked == 0)
                {
                    throw new InvalidOperationException($"Run {runId} does not exist.");
                }

                var run = await db.Runs.SingleAsync(r => r.Id == runId, ct);
                var train = readModel.Network.Trains.GetValueOrDefault(run.TrainNumber)
                    ?? throw new InvalidOperationException($"Train {run.TrainNumber} is not in the read model.");
                var seats = await db.RunSeats.Where(s => s.RunId == runId).ToListAsync(ct);
                var allotments = await db.Allotments.Where(a => a.RunId == runId).ToListAsync(ct);
                var lockedRun = new LockedRun(db, run, train, seats, allotments);

                var outcome = await change(lockedRun);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return (outcome, lockedRun.Snapshot());
            },
            cancellationToken);

        readModel.Apply(snapshot);
        return result;
    }
}
