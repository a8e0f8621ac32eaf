using Changxing.ServiceDefaults.Time;
using Changxing.Ticketing.Trains;

namespace Changxing.Ticketing.Search;

/// <summary>A train as search and the seat allocator need it: arrays indexed by stop, fares by (class, from, to).</summary>
public sealed class TrainTopology
{
    private readonly Dictionary<string, int> _stopIndex;
    private readonly Dictionary<string, decimal[]> _fares;

    public TrainTopology(Train train)
    {
        Number = train.Number;
        Stops = [.. train.Stops.OrderBy(s => s.Sequence)];
        _stopIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Stops.Count; i++)
        {
            _stopIndex[Stops[i].StationCode] = i;
        }

        Classes = [.. train.Cars
            .GroupBy(c => c.SeatClass)
            .OrderBy(g => SeatClass.Order(g.Key))
            .Select(g => new SeatClassLayout(g.Key, [.. g.OrderBy(c => c.CarNumber).SelectMany(c => c.SeatLabels().Select(s => new SeatPosition(c.CarLabel, s)))]))];

        var n = Stops.Count;
        _fares = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        foreach (var fare in train.Fares)
        {
            if (!_stopIndex.TryGetValue(fare.FromStation, out var i) || !_stopIndex.TryGetValue(fare.ToStation, out var j))
            {
                continue;
            }

            if (!_fares.TryGetValue(fare.SeatClass, out var matrix))
            {
                matrix = new decimal[n * n];
                _fares[fare.SeatClass] = matrix;
            }

            matrix[(i * n) + j] = fare.Price;
        }
    }

    public string Number { get; }

    public IReadOnlyList<TrainStop> Stops { get; }

    public int LegCount => Stops.Count - 1;

    public IReadOnlyList<SeatClassLayout> Classes { get; }

    public int IndexOf(string stationCode) => _stopIndex.TryGetValue(stationCode, out var i) ? i : -1;

    public SeatClassLayout? Layout(string seatClass) => Classes.FirstOrDefault(c => c.SeatClass == seatClass);

    /// <summary>The fare between stops <paramref name="from"/> and <paramref name="to"/>, or null when the class is not sold there.</summary>
    public decimal? Fare(string seatClass, int from, int to)
    {
        if (!_fares.TryGetValue(seatClass, out var matrix))
        {
            return null;
        }

        var price = matrix[(from * Stops.Count) + to];
        return price > 0 ? price : null;
    }

    public DateTimeOffset DepartsAt(DateOnly serviceDate, int stop) =>
        ChinaCalendar.At(serviceDate, Stops[stop].DayOffset, Stops[stop].Departs ?? Stops[stop].Arrives ?? TimeOnly.MinValue);

    public DateTimeOffset ArrivesAt(DateOnly serviceDate, int stop) =>
        ChinaCalendar.At(serviceDate, Stops[stop].DayOffset, Stops[stop].Arrives ?? Stops[stop].Departs ?? TimeOnly.MinValue);

    /// <summary>The run leaving the origin on the date that puts the train at <paramref name="stop"/> on <paramref name="travelDate"/>.</summary>
    public DateOnly ServiceDateFor(int stop, DateOnly travelDate) => travelDate.AddDays(-Stops[stop].DayOffset);
}

public sealed record SeatClassLayout(string SeatClass, IReadOnlyList<SeatPosition> Seats)
{
    public int Capacity => Seats.Count;
}

public readonly record struct SeatPosition(string Car, string Seat);
