namespace Changxing.Ticketing.Trains;

/// <summary>
/// One stop of a train. Times are Beijing clock times; <see cref="DayOffset"/> counts the midnights the train has
/// crossed since it left its origin, so an overnight train's 02:10 stop is on the day after the run's service date.
/// </summary>
public sealed class TrainStop
{
    public required string TrainNumber { get; init; }

    /// <summary>0 for the origin.</summary>
    public required int Sequence { get; init; }

    public required string StationCode { get; init; }

    /// <summary>Null at the origin.</summary>
    public TimeOnly? Arrives { get; init; }

    /// <summary>Null at the terminus.</summary>
    public TimeOnly? Departs { get; init; }

    public required int DayOffset { get; init; }

    /// <summary>Kilometres from the origin; default fares are priced from it.</summary>
    public required int DistanceKm { get; init; }
}
