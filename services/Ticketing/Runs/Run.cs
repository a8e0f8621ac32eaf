namespace Changxing.Ticketing.Runs;

/// <summary>
/// One run of a train: the train leaving its origin on <see cref="ServiceDate"/>. Every change to the run's seats or
/// quotas first bumps <see cref="Version"/>, which locks the row until commit and serialises the run across processes.
/// </summary>
public sealed class Run
{
    public required Guid Id { get; init; }

    public required string TrainNumber { get; init; }

    /// <summary>The date the train leaves its origin (Beijing time); later stops may be on later dates.</summary>
    public required DateOnly ServiceDate { get; init; }

    public long Version { get; set; }
}
