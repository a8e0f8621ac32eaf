using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Data;

/// <summary>
/// Turns EF Core's automatic savepoints on or off for a stretch of code and restores the previous setting when
/// disposed. Inside an explicit transaction EF wraps every SaveChanges in <c>SAVEPOINT</c> … <c>RELEASE</c>, two extra
/// statements that only pay when a caller carries on after a failed save. The unit-of-work runners here never do:
/// a failed save fails the whole transaction, which rolls back and starts again on a clean context.
/// </summary>
public readonly struct AutoSavepoints : IDisposable
{
    private readonly DbContext _db;
    private readonly bool _previous;

    private AutoSavepoints(DbContext db, bool enabled)
    {
        _db = db;
        _previous = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = enabled;
    }

    /// <summary>No savepoints until disposed: for a transaction that is abandoned whole when any save fails.</summary>
    public static AutoSavepoints Off(DbContext db) => new(db, enabled: false);

    /// <summary>Savepoints until disposed: for a save whose failure the caller handles and then carries on.</summary>
    public static AutoSavepoints On(DbContext db) => new(db, enabled: true);

    public void Dispose() => _db.Database.AutoSavepointsEnabled = _previous;
}
