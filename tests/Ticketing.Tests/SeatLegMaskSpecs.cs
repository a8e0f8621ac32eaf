using Changxing.Ticketing.Inventory;

namespace Changxing.Ticketing.Tests;

public class SeatLegMaskSpecs
{
    [Fact]
    public void Should_leave_the_legs_after_Jinan_West_free_on_a_seat_sold_Beijing_South_to_Jinan_West()
    {
        // Stops of G1: 0 Beijing South, 1 Jinan West, 2 Nanjing South, 3 Shanghai Hongqiao.
        var sold = SeatLegMask.Segment(0, 1);

        Assert.False(sold.Overlaps(SeatLegMask.Segment(1, 3)));
        Assert.True(sold.Overlaps(SeatLegMask.Segment(0, 2)));
    }

    [Fact]
    public void Should_count_the_free_legs_a_segment_would_strand()
    {
        var fresh = SeatLegMask.None;
        var soldAtBothEnds = SeatLegMask.Segment(0, 1).With(SeatLegMask.Segment(3, 4));

        Assert.Equal(2, fresh.LegsStrandedBy(SeatLegMask.Segment(1, 3), legCount: 4));
        Assert.Equal(0, soldAtBothEnds.LegsStrandedBy(SeatLegMask.Segment(1, 3), legCount: 4));
    }

    [Fact]
    public void Should_cover_all_64_legs_of_the_longest_run()
    {
        Assert.Equal(64, SeatLegMask.Segment(0, 64).LegCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => SeatLegMask.Segment(2, 2));
    }
}
