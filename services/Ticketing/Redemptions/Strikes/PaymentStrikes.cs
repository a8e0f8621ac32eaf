using System.Text.Json;
using Changxing.Contracts.Membership;

namespace Changxing.Ticketing.Redemptions.Strikes;

/// <summary>The three-strike rule: the third consecutive failed payment opens a support ticket (客服工单).</summary>
public static class PaymentStrikes
{
    /// <summary>"若连续三次支付失败": three failed payments in a row.</summary>
    public const int StrikesBeforeSupportTicket = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The failures of the run as stored, before anything ended it.</summary>
    public static IReadOnlyList<PaymentFailure> Recent(PaymentStrikeState state) =>
        JsonSerializer.Deserialize<List<PaymentFailure>>(state.RecentFailures, Json) ?? [];

    /// <summary>
    /// The current run: the stored failures after the member's last completed redemption. A completion ends the run
    /// without a message of its own to the counter: it is read from the redemptions table when the counter is next
    /// used (<see cref="ICompletedRedemptions"/>), so a successful redemption, by far the common case, costs the
    /// counter nothing.
    /// </summary>
    public static IReadOnlyList<PaymentFailure> CurrentRun(PaymentStrikeState state, DateTimeOffset? lastCompletedAt) =>
        Recent(state).Where(f => After(f, lastCompletedAt)).ToList();

    /// <summary>
    /// Counts one failure; returns the run of failures when it is the third, after which the count starts again. A
    /// failure from before the member's last completed redemption (a late message) is not part of the run.
    /// </summary>
    public static IReadOnlyList<PaymentFailure>? Strike(PaymentStrikeState state, PaymentFailure failure, DateTimeOffset? lastCompletedAt, DateTimeOffset now)
    {
        var run = CurrentRun(state, lastCompletedAt).Append(failure).Where(f => After(f, lastCompletedAt)).TakeLast(StrikesBeforeSupportTicket).ToList();
        state.ConsecutiveFailures = run.Count;
        state.UpdatedAt = now;
        if (state.ConsecutiveFailures < StrikesBeforeSupportTicket)
        {
            state.RecentFailures = JsonSerializer.Serialize(run, Json);
            return null;
        }

        state.ConsecutiveFailures = 0;
        state.RecentFailures = "[]";
        return run;
    }

    /// <summary>The failures the unanswered ticket request carries (<see cref="PaymentStrikeState.RequestedFailures"/>).</summary>
    public static IReadOnlyList<PaymentFailure> Requested(PaymentStrikeState state) =>
        JsonSerializer.Deserialize<List<PaymentFailure>>(state.RequestedFailures, Json) ?? [];

    /// <summary>A ticket is asked for with <paramref name="failures"/>: no second one until it is resolved.</summary>
    public static void RequestTicket(PaymentStrikeState state, IReadOnlyList<PaymentFailure> failures)
    {
        state.TicketRequested = true;
        state.RequestedFailures = JsonSerializer.Serialize(failures, Json);
    }

    private static bool After(PaymentFailure failure, DateTimeOffset? lastCompletedAt) => lastCompletedAt is null || failure.FailedAt > lastCompletedAt;
}
