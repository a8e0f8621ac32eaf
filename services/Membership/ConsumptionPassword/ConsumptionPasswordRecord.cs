namespace Changxing.Membership.ConsumptionPassword;

/// <summary>A member's consumption password: its keyed hash (<see cref="ConsumptionPasswordHasher"/>) and the lock-out counter.</summary>
public sealed class ConsumptionPasswordRecord
{
    private ConsumptionPasswordRecord()
    {
    }

    public Guid MemberId { get; private set; }

    public string Hash { get; private set; } = "";

    public int ConsecutiveFailures { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>Optimistic concurrency: two parallel guesses cannot both be counted as the same attempt.</summary>
    public Guid Version { get; private set; }

    public static ConsumptionPasswordRecord Create(Guid memberId, string hash, DateTimeOffset now) =>
        new() { MemberId = memberId, Hash = hash, ChangedAt = now, Version = Guid.NewGuid() };

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && now < until;

    public int AttemptsLeft(DateTimeOffset now) =>
        IsLocked(now) ? 0 : ConsumptionPasswordPolicy.MaxConsecutiveFailures - (LockExpired(now) ? 0 : ConsecutiveFailures);

    /// <summary>Counts a wrong entry; the fifth in a row locks the password for 30 minutes.</summary>
    public void RecordFailure(DateTimeOffset now)
    {
        EnsureNotLocked(now);
        ReleaseExpiredLock(now);
        ConsecutiveFailures++;
        if (ConsecutiveFailures >= ConsumptionPasswordPolicy.MaxConsecutiveFailures)
        {
            LockedUntil = now + ConsumptionPasswordPolicy.LockDuration;
        }

        Version = Guid.NewGuid();
    }

    /// <summary>A right entry clears the counter; <paramref name="rehash"/> replaces a hash stored under an older scheme or key.</summary>
    public void RecordSuccess(DateTimeOffset now, string? rehash = null)
    {
        EnsureNotLocked(now);
        Hash = rehash ?? Hash;
        ConsecutiveFailures = 0;
        LockedUntil = null;
        Version = Guid.NewGuid();
    }

    /// <summary>A change (which needs the login password) also lifts a lock.</summary>
    public void Change(string hash, DateTimeOffset now)
    {
        Hash = hash;
        ChangedAt = now;
        ConsecutiveFailures = 0;
        LockedUntil = null;
        Version = Guid.NewGuid();
    }

    private bool LockExpired(DateTimeOffset now) => LockedUntil is { } until && now >= until;

    private void ReleaseExpiredLock(DateTimeOffset now)
    {
        if (LockExpired(now))
        {
            ConsecutiveFailures = 0;
            LockedUntil = null;
        }
    }

    private void EnsureNotLocked(DateTimeOffset now)
    {
        if (IsLocked(now))
        {
            throw new InvalidOperationException("The consumption password is locked; check IsLocked first.");
        }
    }
}
