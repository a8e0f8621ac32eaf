namespace Changxing.Ticketing.Trains;

/// <summary>The face price (票价, yuan) of one seat class between two stops of a train.</summary>
public sealed class SegmentFare
{
    public required string TrainNumber { get; init; }

    public required string SeatClass { get; init; }

    public required string FromStation { get; init; }

    public required string ToStation { get; init; }

    public required decimal Price { get; set; }
}
