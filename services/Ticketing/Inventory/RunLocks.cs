using Changxing.Messaging.Data;
// Why not RowLockStatement: the read model orders a run's pictures by its version, so every change bumps it anyway, and that UPDATE takes the row lock on every provider (services/Messaging/Data/README.md).
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Search;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Inventory;

/// <summary>
/// Runs a change to one run's inventory in a transaction that first bumps the run's version: the UPDATE takes the
/// row lock (PostgreSQL and SQL Server hold it to commit; SQLite's BEGIN IMMEDIATE takes the database write lock), so
/// writers of one run queue and each reads the seats its predecessor committed. After commit the read model gets the
/// run's new picture.
/// <para>
/// Inside a transaction the caller already holds (the redemption saga takes a seat and issues the ticket in the
/// transaction that stores its own step), the change joins it instead: same lock, same reads, saved but not committed,
/// and the read model is updated after the caller's commit. The in-process <see cref="RunGate"/> is skipped there: the
/// caller's transaction may already hold SQLite's write lock, which a gate holder would wait for (a deadlock until
/// the busy timeout), and the run row's lock serialises the writers of a server database anyway.
/// </para>
/// </summary>
public sealed class RunLocks(TicketingDbContext db, SearchReadModel readModel, RunGate gate)
{
    public async Task<T> ExecuteAsync<T>(Guid runId, Func<LockedRun, Task<T>> change, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var (joined, picture) = await LockAndChangeAsync(runId, change, cancellationToken);
            db.AfterCommit.Add(() => readModel.Apply(picture));
            return joined;
        }

        await using var turn = await gate.EnterAsync(runId, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        var (result, snapshot) = await strategy.ExecuteAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var changed = await LockAndChangeAsync(runId, change, ct);
                await transaction.CommitAsync(ct);
                return changed;
            },
            cancellationToken);

        readModel.Apply(snapshot);
        return result;
    }

    /// <summary>Bumps the run's version (taking its lock), loads its seats and allotments, applies the change and saves.</summary>
    private async Task<(T Result, RunAvailability Snapshot)> LockAndChangeAsync<T>(Guid runId, Func<LockedRun, Task<T>> change, CancellationToken cancellationToken)
    {
        var locked = await db.Runs
            .Where(r => r.Id == runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
        if (locked == 0)
        {
            throw new InvalidOperationException($"Run {runId} does not exist.");
        }

        var run = await db.Runs.SingleAsync(r => r.Id == runId, cancellationToken);
        var train = readModel.Network.Trains.GetValueOrDefault(run.TrainNumber)
            ?? throw new InvalidOperationException($"Train {run.TrainNumber} is not in the read model.");
        var seats = await db.RunSeats.AsNoTracking().Where(s => s.RunId == runId).ToListAsync(cancellationToken);
        var allotments = await db.Allotments.Where(a => a.RunId == runId).ToListAsync(cancellationToken);
        var lockedRun = new LockedRun(db, run, train, seats, allotments);

        var outcome = await change(lockedRun);
        await db.SaveChangesAsync(cancellationToken);
        return (outcome, lockedRun.Snapshot());
    }
}
