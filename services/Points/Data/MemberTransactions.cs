using Changxing.Points.Members;
using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Points.Data;

/// <summary>
/// Runs one ledger change for one member, serialised with every other change of that member: the member's row is
/// locked first with the shared row lock (<see cref="RowLockStatement"/>; on SQLite the transaction is BEGIN IMMEDIATE,
/// the database's single write lock, behind <see cref="SqliteFileWriterGate"/>, the queue every writer of the file joins). Reads after the lock see the latest
/// committed state, so two reserves can never both spend the same points. Transient failures and a lost race on a
/// first insert (unique violation) run the whole change again on a clean context, so no save needs a savepoint
/// (<see cref="AutoSavepoints"/>).
/// </summary>
public sealed class MemberTransactions(PointsDbContext db)
{
    private const int UniqueViolationAttempts = 3;

    /// <summary>
    /// Locks the member (null when unknown to the directory), runs <paramref name="work"/>, saves and commits.
    /// <paramref name="work"/> may run more than once and must only touch the context. Inside a transaction the caller
    /// holds (a consumed message's, with its inbox entry and outgoing messages) it joins that one: same lock, saved
    /// but not committed, and a failure goes to the caller, whose retry starts the message again.
    /// </summary>
    public async Task<T> RunAsync<T>(Guid memberId, Func<PointsMember?, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            var locked = await RowLockStatement.LoadLockedAsync<PointsMember>(db, nameof(PointsMember.MemberId), memberId, cancellationToken);
            var joined = await work(locked);
            await db.SaveChangesAsync(cancellationToken);
            return joined;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(async () =>
                {
                    db.ChangeTracker.Clear();
                    await using var turn = await SqliteFileWriterGate.EnterAsync(db, cancellationToken);
                    await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    using var savepoints = AutoSavepoints.Off(db);
                    var member = await RowLockStatement.LoadLockedAsync<PointsMember>(
                        db, nameof(PointsMember.MemberId), memberId, cancellationToken);
                    var result = await work(member);
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    return result;
                });
            }
            catch (DbUpdateException e) when (attempt < UniqueViolationAttempts && UniqueKeyViolation.Matches(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
