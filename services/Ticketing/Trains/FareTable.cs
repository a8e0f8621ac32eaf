namespace Changxing.Ticketing.Trains;

/// <summary>
/// Default fares when an operator gives none: distance x a rate per class, rounded to 0.5 yuan as 12306 prices are.
/// The rates reproduce the Beijing South–Shanghai Hongqiao fares (1,318 km: second 553, first 933, business 1,748 yuan).
/// </summary>
public static class FareTable
{
    public static decimal RatePerKm(string trainKind, string seatClass) => (trainKind, seatClass) switch
    {
        ("G", SeatClass.Business) => 1.3263m,
        ("G", SeatClass.First) => 0.7079m,
        ("G", SeatClass.Second) => 0.4196m,
        ("D", SeatClass.First) => 0.4650m,
        ("D", SeatClass.Second) => 0.3100m,
        (_, SeatClass.SoftSleeper) => 0.3250m,
        (_, SeatClass.HardSleeper) => 0.2080m,
        (_, SeatClass.First) => 0.4650m,
        (_, SeatClass.Business) => 1.0000m,
        _ => 0.3100m,
    };

    public static decimal Price(string trainKind, string seatClass, int distanceKm)
    {
        var raw = distanceKm * RatePerKm(trainKind, seatClass);
        var halves = Math.Max(1m, Math.Round(raw * 2m, MidpointRounding.AwayFromZero));
        return halves / 2m;
    }

    /// <summary>Every ordered pair of stops, for every class the train's cars carry.</summary>
    public static List<SegmentFare> DefaultFares(string trainNumber, IReadOnlyList<TrainStop> stops, IEnumerable<string> seatClasses)
    {
        var kind = Train.KindOf(trainNumber);
        var fares = new List<SegmentFare>();
        foreach (var seatClass in seatClasses.Distinct())
        {
            for (var i = 0; i < stops.Count; i++)
            {
                for (var j = i + 1; j < stops.Count; j++)
                {
                    fares.Add(new SegmentFare
                    {
                        TrainNumber = trainNumber,
                        SeatClass = seatClass,
                        FromStation = stops[i].StationCode,
                        ToStation = stops[j].StationCode,
                        Price = Price(kind, seatClass, stops[j].DistanceKm - stops[i].DistanceKm),
                    });
                }
            }
        }

        return fares;
    }
}
