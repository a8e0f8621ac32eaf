using Changxing.Ticketing.Trains;

namespace Changxing.Ticketing.Seed;

/// <summary>
/// A seeded train: its number, departure and calling pattern on a line. Clock times are derived from the line's
/// distances at the train kind's average speed (plus braking, acceleration and dwell), carried across midnight
/// into later day offsets.
/// </summary>
public sealed record TrainPlan(string Number, TimeOnly Departs, IReadOnlyList<string> Calls)
{
    public Train Build(RailLine line)
    {
        var stops = new List<TrainStop>();
        var origin = line.KmFrom(Calls[0]);
        var minutes = (Departs.Hour * 60) + Departs.Minute;
        for (var i = 0; i < Calls.Count; i++)
        {
            var km = Math.Abs(line.KmFrom(Calls[i]) - origin);
            int? arrives = null;
            if (i > 0)
            {
                var leg = Math.Abs(line.KmFrom(Calls[i]) - line.KmFrom(Calls[i - 1]));
                minutes += (int)Math.Round(leg / line.KmPerMinute) + line.BrakingMinutes;
                arrives = minutes;
            }

            int? departs = null;
            if (i < Calls.Count - 1)
            {
                if (i > 0)
                {
                    minutes += line.DwellMinutes;
                }

                departs = minutes;
            }

            var dayOffset = (arrives ?? departs ?? 0) / (24 * 60);
            stops.Add(new TrainStop
            {
                TrainNumber = Number,
                Sequence = i,
                StationCode = Calls[i],
                Arrives = arrives is { } a ? ClockTime(a) : null,
                Departs = departs is { } d ? ClockTime(d) : null,
                DayOffset = dayOffset,
                DistanceKm = km,
            });
        }

        var cars = line.Cars(Number);
        return new Train
        {
            Number = Number,
            Stops = stops,
            Cars = cars,
            Fares = FareTable.DefaultFares(Number, stops, cars.Select(c => c.SeatClass)),
        };
    }

    private static TimeOnly ClockTime(int minutes) => new(minutes / 60 % 24, minutes % 60);
}
