using System.Globalization;
using Changxing.Contracts;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Changxing.Membership.Accounts;

/// <summary>
/// Per-account throttling of every login-password check (member and staff sign-in, the login password that changes a
/// consumption password), kept by Membership whatever the edge does (docs/SECURITY.md). The fifth failure in a row
/// locks the account's checks for 1 minute, each further one for 2, 4, then at most 5 minutes; while locked, a check
/// is refused with 429 and <c>Retry-After</c> before any password is compared. A success clears the count, and a quiet
/// half hour forgets it.
/// <para>
/// Accounts are keyed by the name the caller typed, known or not, so the answers are the same for an account that does
/// not exist; and the lock is short, so a stranger guessing at a member's phone number cannot shut them out for long.
/// An attempt counts as a failure before its password is compared, so guesses sent in parallel cannot slip past.
/// The counts live in this process (a second instance counts on its own); behind the gateway the per-address limit
/// also stands.
/// </para>
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstLock = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestLock = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(30);

    /// <summary>Above this many accounts, the ones already forgettable are dropped (a spray of made-up names cannot grow it for ever).</summary>
    private const int PruneAbove = 10_000;

    private readonly Dictionary<string, Failures> _accounts = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public static string MemberAccount(string phone) => "member:" + phone;

    public static string StaffAccount(string userName) => "staff:" + userName.ToUpperInvariant();

    /// <summary>
    /// Runs <paramref name="check"/> unless the account is locked: <c>RetryAfter</c> is null when it ran (its result
    /// in <c>Passed</c>), otherwise how long the caller must wait.
    /// </summary>
    public (bool Passed, TimeSpan? RetryAfter) Check(string account, Func<bool> check)
    {
        if (Begin(account) is { } wait)
        {
            return (false, wait);
        }

        var passed = check();
        if (passed)
        {
            lock (_gate)
            {
                _accounts.Remove(account);
            }
        }

        return (passed, null);
    }

    /// <summary>The problem document a locked account's check is answered with: 429, <c>RateLimited</c>, <c>Retry-After</c>.</summary>
    public static ProblemHttpResult Locked(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ProblemResults.Problem(StatusCodes.Status429TooManyRequests, ReasonCodes.RateLimited,
            $"Too many wrong passwords for this account; try again in {seconds} seconds (密码错误次数过多，请稍后再试).",
            new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }

    private TimeSpan? Begin(string account)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (_accounts.Count > PruneAbove)
            {
                foreach (var forgotten in _accounts.Where(a => a.Value.ForgottenBy(now)).Select(a => a.Key).ToList())
                {
                    _accounts.Remove(forgotten);
                }
            }

            var failures = _accounts.TryGetValue(account, out var known) && !known.ForgottenBy(now) ? known : new Failures(0, now, now);
            if (failures.LockedUntil > now)
            {
                return failures.LockedUntil - now;
            }

            var count = failures.Count + 1;
            var lockedUntil = count < FreeFailures
                ? now
                : now + TimeSpan.FromTicks(Math.Min(LongestLock.Ticks, FirstLock.Ticks << Math.Min(count - FreeFailures, 8)));
            _accounts[account] = new Failures(count, now, lockedUntil);
            return null;
        }
    }

    private readonly record struct Failures(int Count, DateTimeOffset LastAt, DateTimeOffset LockedUntil)
    {
        public bool ForgottenBy(DateTimeOffset now) => now >= LockedUntil && now - LastAt >= ForgetAfter;
    }
}
