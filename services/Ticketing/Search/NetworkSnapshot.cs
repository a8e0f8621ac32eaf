using Changxing.Ticketing.Stations;
using Changxing.Ticketing.Trains;

namespace Changxing.Ticketing.Search;

/// <summary>Stations and trains, indexed for search: for each station, the trains that call there and at which stop.</summary>
public sealed class NetworkSnapshot
{
    public static readonly NetworkSnapshot Empty = new([], []);

    public NetworkSnapshot(IEnumerable<Station> stations, IEnumerable<Train> trains)
    {
        Stations = stations.ToDictionary(s => s.Code, StringComparer.Ordinal);
        Trains = trains.Select(t => new TrainTopology(t)).ToDictionary(t => t.Number, StringComparer.Ordinal);
        Calls = Trains.Values
            .SelectMany(t => t.Stops.Select((s, i) => (s.StationCode, Call: new TrainCall(t, i))))
            .GroupBy(x => x.StationCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Call).ToArray(), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, Station> Stations { get; }

    public IReadOnlyDictionary<string, TrainTopology> Trains { get; }

    public IReadOnlyDictionary<string, TrainCall[]> Calls { get; }
}

public readonly record struct TrainCall(TrainTopology Train, int Stop);
