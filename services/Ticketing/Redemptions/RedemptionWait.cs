using System.Globalization;
using Changxing.Ticketing.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Ticketing.Redemptions;

/// <summary>
/// <c>Prefer: wait=N</c> (RFC 7240) on submitting or reading a redemption: the answer is held until the redemption has
/// finished or N seconds have passed, whichever is first, instead of the client reading it again and again. The answer
/// says what was honoured in <c>Preference-Applied</c>; its status is the same as without the preference.
/// </summary>
public static class RedemptionWait
{
    public const string PreferHeader = "Prefer";
    public const string PreferenceAppliedHeader = "Preference-Applied";

    /// <summary>The longest wait honoured: well inside the gateway's 30-second activity time-out.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(20);

    /// <summary>How often a waiting request reads the row again, for a redemption another instance finishes.</summary>
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>The wait asked for in the <c>Prefer</c> header, capped at <see cref="Longest"/>; null when none (or an unreadable one) was asked.</summary>
    public static TimeSpan? Requested(HttpRequest request)
    {
        foreach (var value in request.Headers[PreferHeader])
        {
            foreach (var preference in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var (name, argument) = preference.Split(';', 2)[0].Split('=', 2) is [var n, var a] ? (n.Trim(), a.Trim().Trim('"')) : (preference, "");
                if (name.Equals("wait", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
                {
                    return TimeSpan.FromSeconds(seconds) < Longest ? TimeSpan.FromSeconds(seconds) : Longest;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Holds until <paramref name="redemption"/> has finished or <paramref name="wait"/> has passed, and returns it as
    /// it stands then; sets <c>Preference-Applied</c>. A caller that started <paramref name="listening"/> before the
    /// redemption could move (the submission, before it sends step 1) hands it over, and the first read is saved:
    /// nothing can have finished unheard.
    /// </summary>
    public static async Task<RedemptionState> UntilFinishedAsync(
        RedemptionState redemption, TimeSpan wait, HttpResponse response, TicketingDbContext db, RedemptionWaiters waiters, TimeProvider clock,
        CancellationToken cancellationToken, RedemptionWaiters.Waiter? listening = null)
    {
        response.Headers[PreferenceAppliedHeader] = $"wait={(int)wait.TotalSeconds}";
        var deadline = clock.GetUtcNow() + wait;
        var waiter = listening;
        try
        {
            while (!RedemptionStateMachine.IsFinal(redemption.CurrentState))
            {
                if (waiter is null)
                {
                    // Read after listening, so an outcome published in between is not missed.
                    waiter = waiters.Register(redemption.CorrelationId);
                    redemption = await db.Set<RedemptionState>().AsNoTracking().FirstAsync(r => r.CorrelationId == redemption.CorrelationId, cancellationToken);
                    if (RedemptionStateMachine.IsFinal(redemption.CurrentState))
                    {
                        break;
                    }
                }

                var left = deadline - clock.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                // Finished, or time to read again (another instance may have finished it, or the wait is over).
                // Without an exception for the timeout: when redemptions slow down, every waiter's recheck would
                // throw one a second.
                await waiter.Finished.WaitAsync(left < RecheckInterval ? left : RecheckInterval, clock, cancellationToken)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                cancellationToken.ThrowIfCancellationRequested();

                waiter.Dispose();
                waiter = null;
            }
        }
        finally
        {
            waiter?.Dispose();
        }

        return redemption;
    }
}
