using System.Globalization;
using Changxing.Contracts;
using Changxing.Membership.Data;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
/// The counts are rows of Membership's database (<see cref="LoginFailureRecord"/>), so every instance behind the
/// gateway counts the same failures; each check reads and writes them in a unit of work of its own.
/// </para>
/// </summary>
public sealed class LoginThrottle(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstLock = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestLock = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromMinutes(30);

    /// <summary>How often a failure is counted again on top of another instance's (or request's) that came first.</summary>
    private const int MaxCountingAttempts = 10;

    public static string MemberAccount(string phone) => "member:" + phone;

    public static string StaffAccount(string userName) => "staff:" + userName.ToUpperInvariant();

    /// <summary>
    /// Runs <paramref name="check"/> unless the account is locked: <c>RetryAfter</c> is null when it ran (its result
    /// in <c>Passed</c>), otherwise how long the caller must wait.
    /// </summary>
    public async Task<(bool Passed, TimeSpan? RetryAfter)> CheckAsync(string account, Func<bool> check, CancellationToken cancellationToken)
    {
        var accountHash = LoginFailureRecord.HashOf(account);
        if (await CountFailureAsync(accountHash, cancellationToken) is { } wait)
        {
            return (false, wait);
        }

        var passed = check();
        if (passed)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MembershipDbContext>().LoginFailures
                .Where(f => f.AccountHash == accountHash)
                .ExecuteDeleteAsync(cancellationToken);
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

    /// <summary>How long the account is still locked, or null once this attempt has been counted as a failure.</summary>
    private async Task<TimeSpan?> CountFailureAsync(string accountHash, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
            var now = clock.GetUtcNow();
            var failures = await db.LoginFailures.SingleOrDefaultAsync(f => f.AccountHash == accountHash, cancellationToken);
            if (failures is not null && failures.IsLocked(now))
            {
                return failures.LockedUntil - now;
            }

            if (failures is null)
            {
                // A new account in the table: sweep the forgotten ones, so a spray of made-up names cannot grow it for ever.
                var forgotten = now - ForgetAfter;
                await db.LoginFailures.Where(f => f.LastFailureAt <= forgotten && f.LockedUntil <= now).ExecuteDeleteAsync(cancellationToken);
                failures = LoginFailureRecord.Start(accountHash, now);
                db.LoginFailures.Add(failures);
            }

            failures.CountFailure(now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (DbUpdateException) when (attempt < MaxCountingAttempts)
            {
                // Another check of the same account (here or on another instance) counted first: count on top of it.
            }
        }
    }
}
