using Changxing.Ticketing.Redemptions;

namespace Changxing.Ticketing.Tests.Redemptions;

/// <summary>The timeline an operator reads back: every appended entry, in order, with its state and details intact.</summary>
public sealed class RedemptionTimelineSpecs
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("[]")]
    [InlineData("[ ]\n")]
    public void Should_read_back_every_appended_entry_in_order(string stored)
    {
        var state = new RedemptionState { CorrelationId = Guid.NewGuid(), CurrentState = "Authorising", Timeline = stored };

        RedemptionTimeline.Append(state, At, "Submitted", "55300 points for G1 \"二等座\" 北京南→上海虹桥");
        state.CurrentState = "ReservingPoints";
        RedemptionTimeline.Append(state, At.AddSeconds(1), "Authorised");

        var entries = RedemptionTimeline.Read(state);
        Assert.Equal(
            [new TimelineEntry(At, "Authorising", "Submitted", "55300 points for G1 \"二等座\" 北京南→上海虹桥"), new TimelineEntry(At.AddSeconds(1), "ReservingPoints", "Authorised", null)],
            entries);
        Assert.Equal(At.AddSeconds(1), state.UpdatedAt);
    }

    [Fact]
    public void Should_refuse_to_append_to_a_timeline_that_is_not_a_JSON_array()
    {
        var state = new RedemptionState { CorrelationId = Guid.NewGuid(), CurrentState = "Authorising", Timeline = "{}" };

        Assert.Throws<InvalidOperationException>(() => RedemptionTimeline.Append(state, At, "Submitted"));
    }
}
