using System.Security.Cryptography;
using System.Text;

namespace Changxing.Membership.Accounts;

/// <summary>
/// One account's run of failed login-password checks, shared by every Membership instance through the database
/// (<see cref="LoginThrottle"/>). The account is stored as a hash of what the caller typed, so the table holds no phone
/// numbers or user names of people who may not even exist, and its key has one length whatever was typed.
/// </summary>
public sealed class LoginFailureRecord
{
    private LoginFailureRecord()
    {
    }

    /// <summary>SHA-256 of the throttle account (<see cref="LoginThrottle.MemberAccount"/>, <see cref="LoginThrottle.StaffAccount"/>), hex.</summary>
    public string AccountHash { get; private set; } = "";

    /// <summary>Failures in a row; also the optimistic concurrency token, so two instances cannot count the same attempt.</summary>
    public int Failures { get; private set; }

    public DateTimeOffset LastFailureAt { get; private set; }

    public DateTimeOffset LockedUntil { get; private set; }

    public static string HashOf(string account) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account)));

    public static LoginFailureRecord Start(string accountHash, DateTimeOffset now) =>
        new() { AccountHash = accountHash, LastFailureAt = now, LockedUntil = now };

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;

    /// <summary>Nothing is remembered once the lock is over and the last failure is <see cref="LoginThrottle.ForgetAfter"/> old.</summary>
    public bool IsForgottenBy(DateTimeOffset now) => now >= LockedUntil && now - LastFailureAt >= LoginThrottle.ForgetAfter;

    /// <summary>Counts one more failure; from the <see cref="LoginThrottle.FreeFailures"/>th on, locks for 1, 2, 4, then at most 5 minutes.</summary>
    public void CountFailure(DateTimeOffset now)
    {
        Failures = (IsForgottenBy(now) ? 0 : Failures) + 1;
        LastFailureAt = now;
        LockedUntil = Failures < LoginThrottle.FreeFailures
            ? now
            : now + TimeSpan.FromTicks(Math.Min(LoginThrottle.LongestLock.Ticks, LoginThrottle.FirstLock.Ticks << Math.Min(Failures - LoginThrottle.FreeFailures, 8)));
    }
}
