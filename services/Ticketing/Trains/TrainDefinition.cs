using Changxing.Contracts;

namespace Changxing.Ticketing.Trains;

/// <summary>An operator's full definition of a train. Fares left out are priced from distance (<see cref="FareTable"/>).</summary>
public sealed record TrainDefinition(IReadOnlyList<StopInput> Stops, IReadOnlyList<CarInput> Cars, IReadOnlyList<FareInput>? Fares)
{
    public const int MaxRows = 30;
    public const int MaxCars = 20;

    /// <summary>The longest run China Railway operates (K3 Beijing–Moscow) crosses six midnights; a week is the bound.</summary>
    public const int MaxDayOffset = 7;

    /// <summary>K3 covers 7,826 km; no train of the network goes further than 10,000 km from its origin.</summary>
    public const int MaxDistanceKm = 10_000;

    /// <summary>The dearest 12306 fares stay below 5,000 yuan; 20,000 leaves room and keeps fare x 100 points far from overflow.</summary>
    public const decimal MaxFare = 20_000m;

    public (string? Reason, string? Detail) Validate(ISet<string> knownStations)
    {
        if (Stops is null || Stops.Count < 2 || Stops.Count > Train.MaxStops)
        {
            return (ReasonCodes.InvalidRequest, $"A train has 2 to {Train.MaxStops} stops.");
        }

        if (Stops.FirstOrDefault(s => !knownStations.Contains(s.Station)) is { } unknown)
        {
            return (ReasonCodes.UnknownStation, $"There is no station '{unknown.Station}'.");
        }

        if (Stops.Select(s => s.Station).Distinct().Count() != Stops.Count)
        {
            return (ReasonCodes.InvalidRequest, "A train calls at each station once.");
        }

        for (var i = 0; i < Stops.Count; i++)
        {
            var s = Stops[i];
            var first = i == 0;
            var last = i == Stops.Count - 1;
            if ((!first && s.Arrives is null) || (!last && s.Departs is null)
                || s.DayOffset is < 0 or > MaxDayOffset || s.DistanceKm is < 0 or > MaxDistanceKm
                || (i > 0 && (s.DayOffset < Stops[i - 1].DayOffset || s.DistanceKm <= Stops[i - 1].DistanceKm)))
            {
                return (ReasonCodes.InvalidRequest, $"Stop {i} ({s.Station}) needs its times, a day offset of 0 to {MaxDayOffset} not before the previous stop's and a distance of 0 to {MaxDistanceKm} km beyond it.");
            }
        }

        if (FirstTimeOutOfOrder() is { } late)
        {
            return (ReasonCodes.InvalidRequest, late);
        }

        if (Cars is null || Cars.Count == 0 || Cars.Count > MaxCars
            || Cars.Any(c => !SeatClass.IsKnown(c.SeatClass) || c.Rows < 1 || c.Rows > MaxRows || string.IsNullOrEmpty(c.Letters) || c.Letters.Length > 8)
            || Cars.Select(c => c.Car).Distinct().Count() != Cars.Count)
        {
            return (ReasonCodes.InvalidRequest, $"Cars need distinct numbers, a seat class ({string.Join(", ", SeatClass.All.Select(c => c.Name))}), 1 to {MaxRows} rows and 1 to 8 seat letters.");
        }

        if (Fares?.FirstOrDefault(f => f.Price is <= 0 or > MaxFare || !Cars.Any(c => c.SeatClass == f.SeatClass)
                || Stops.ToList().FindIndex(s => s.Station == f.From) is var a && (a < 0 || Stops.ToList().FindIndex(s => s.Station == f.To) <= a)) is { } bad)
        {
            return (ReasonCodes.InvalidRequest, $"Fare {bad.SeatClass} {bad.From}→{bad.To} must be above 0 and at most {MaxFare:0} yuan, for a class the train carries, between two of its stops in order.");
        }

        return (null, null);
    }

    /// <summary>
    /// Times must move forward along the stops once each stop's day offset is added: every arrival after the previous
    /// departure, every departure not before its own arrival. One day offset covers both times of a stop, so a dwell
    /// cannot span midnight. Null when they do.
    /// </summary>
    private string? FirstTimeOutOfOrder()
    {
        TimeSpan? previous = null;
        for (var i = 0; i < Stops.Count; i++)
        {
            var s = Stops[i];
            var day = TimeSpan.FromDays(s.DayOffset);
            if (i > 0)
            {
                var arrives = s.Arrives!.Value.ToTimeSpan() + day;
                if (arrives <= previous)
                {
                    return $"Stop {i} ({s.Station}) arrives at {s.Arrives:HH:mm} on day +{s.DayOffset}, not after the previous stop's departure: times with their day offsets must increase along the stops.";
                }

                previous = arrives;
            }

            if (i < Stops.Count - 1)
            {
                var departs = s.Departs!.Value.ToTimeSpan() + day;
                if (departs < previous)
                {
                    return $"Stop {i} ({s.Station}) departs at {s.Departs:HH:mm} on day +{s.DayOffset}, before it arrives: a stop's arrival and departure share its day offset, so a dwell cannot span midnight.";
                }

                previous = departs;
            }
        }

        return null;
    }

    public Train ToTrain(string number)
    {
        var stops = Stops.Select((s, i) => new TrainStop
        {
            TrainNumber = number,
            Sequence = i,
            StationCode = s.Station,
            Arrives = i == 0 ? null : s.Arrives,
            Departs = i == Stops.Count - 1 ? null : s.Departs,
            DayOffset = s.DayOffset,
            DistanceKm = s.DistanceKm,
        }).ToList();
        var cars = Cars.Select(c => new TrainCar { TrainNumber = number, CarNumber = c.Car, SeatClass = c.SeatClass, Rows = c.Rows, Letters = c.Letters }).ToList();
        var fares = FareTable.DefaultFares(number, stops, cars.Select(c => c.SeatClass));
        foreach (var given in Fares ?? [])
        {
            var fare = fares.First(f => f.SeatClass == given.SeatClass && f.FromStation == given.From && f.ToStation == given.To);
            fare.Price = given.Price;
        }

        return new Train { Number = number, Stops = stops, Cars = cars, Fares = fares };
    }
}

public sealed record StopInput(string Station, TimeOnly? Arrives, TimeOnly? Departs, int DayOffset, int DistanceKm);

public sealed record CarInput(int Car, string SeatClass, int Rows, string Letters);

public sealed record FareInput(string SeatClass, string From, string To, decimal Price);
