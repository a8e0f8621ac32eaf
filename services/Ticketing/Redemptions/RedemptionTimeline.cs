using System.Text.Json;

namespace Changxing.Ticketing.Redemptions;

/// <summary>
/// One line of a redemption's story: when, the redemption's state right after this entry, what happened, and the
/// details (hold ids, ticket number, reason). An entry that moves the redemption carries the state it moved to
/// ("Authorised" → ReservingPoints); a rejection does not move it by itself, so it carries the state it arrived in,
/// and the <c>CompensationStarted</c> or <c>Failed</c> entry that follows carries the move.
/// </summary>
public sealed record TimelineEntry(DateTimeOffset At, string State, string Event, string? Detail);

/// <summary>
/// The timeline is stored as a JSON array in the saga row: read back whole, appended one entry per transition. An
/// entry is appended by serialising only that entry into the array's text; the entries already there are not read
/// back and written again (three of them are recorded in one transition, under the saga's write lock).
/// </summary>
public static class RedemptionTimeline
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<TimelineEntry> Read(RedemptionState state) =>
        JsonSerializer.Deserialize<List<TimelineEntry>>(state.Timeline, Json) ?? [];

    public static void Append(RedemptionState state, DateTimeOffset at, string @event, string? detail = null)
    {
        var entry = JsonSerializer.Serialize(new TimelineEntry(at, state.CurrentState, @event, detail), Json);
        var array = state.Timeline.AsSpan().TrimEnd();
        if (array.Length < 2 || array[0] != '[' || array[^1] != ']')
        {
            throw new InvalidOperationException($"Redemption {state.CorrelationId}'s timeline is not a JSON array.");
        }

        var body = array[1..^1].Trim();
        state.Timeline = body.IsEmpty ? $"[{entry}]" : $"[{body},{entry}]";
        state.UpdatedAt = at;
    }
}
