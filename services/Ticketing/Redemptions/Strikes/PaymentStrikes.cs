using System.Text.Json;
using Changxing.Contracts.Membership;

namespace Changxing.Ticketing.Redemptions.Strikes;

/// <summary>The three-strike rule: the third consecutive failed payment opens a support ticket (客服工单).</summary>
public static class PaymentStrikes
{
    /// <summary>"若连续三次支付失败": three failed payments in a row.</summary>
    public const int StrikesBeforeSupportTicket = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<PaymentFailure> Recent(PaymentStrikeState state) =>
        JsonSerializer.Deserialize<List<PaymentFailure>>(state.RecentFailures, Json) ?? [];

    /// <summary>Counts one failure; returns the run of failures when it is the third, after which the count starts again.</summary>
    public static IReadOnlyList<PaymentFailure>? Strike(PaymentStrikeState state, PaymentFailure failure)
    {
        var recent = Recent(state).Append(failure).TakeLast(StrikesBeforeSupportTicket).ToList();
        state.ConsecutiveFailures++;
        state.UpdatedAt = failure.FailedAt;
        if (state.ConsecutiveFailures < StrikesBeforeSupportTicket)
        {
            state.RecentFailures = JsonSerializer.Serialize(recent, Json);
            return null;
        }

        state.ConsecutiveFailures = 0;
        state.RecentFailures = "[]";
        return recent;
    }

    public static void Reset(PaymentStrikeState state, DateTimeOffset at)
    {
        state.ConsecutiveFailures = 0;
        state.RecentFailures = "[]";
        state.UpdatedAt = at;
    }
}
