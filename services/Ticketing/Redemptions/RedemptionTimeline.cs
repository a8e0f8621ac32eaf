using System.Text.Json;

namespace Changxing.Ticketing.Redemptions;

/// <summary>One line of a redemption's story: when, what happened, and the details (hold ids, ticket number, reason).</summary>
public sealed record TimelineEntry(DateTimeOffset At, string State, string Event, string? Detail);

/// <summary>The timeline is stored as a JSON array in the saga row: read back whole, appended one entry per transition.</summary>
public static class RedemptionTimeline
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<TimelineEntry> Read(RedemptionState state) =>
        JsonSerializer.Deserialize<List<TimelineEntry>>(state.Timeline, Json) ?? [];

    public static void Append(RedemptionState state, DateTimeOffset at, string @event, string? detail = null)
    {
        var entries = JsonSerializer.Deserialize<List<TimelineEntry>>(state.Timeline, Json) ?? [];
        entries.Add(new TimelineEntry(at, state.CurrentState, @event, detail));
        state.Timeline = JsonSerializer.Serialize(entries, Json);
        state.UpdatedAt = at;
    }
}
