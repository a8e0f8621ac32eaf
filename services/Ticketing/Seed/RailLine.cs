using Changxing.Ticketing.Trains;

namespace Changxing.Ticketing.Seed;

/// <summary>A line as the seed needs it: stations with their kilometre posts, a running speed and a car formation.</summary>
public sealed record RailLine(
    string Name,
    IReadOnlyList<(string Code, int Km)> Posts,
    double KmPerMinute,
    int BrakingMinutes,
    int DwellMinutes,
    IReadOnlyList<(int FirstCar, int LastCar, string SeatClass, int Rows, string Letters)> Formation)
{
    public int KmFrom(string code) => Posts.First(p => p.Code == code).Km;

    public List<TrainCar> Cars(string trainNumber) =>
    [
        .. Formation.SelectMany(f => Enumerable.Range(f.FirstCar, f.LastCar - f.FirstCar + 1).Select(car => new TrainCar
        {
            TrainNumber = trainNumber,
            CarNumber = car,
            SeatClass = f.SeatClass,
            Rows = f.Rows,
            Letters = f.Letters,
        })),
    ];
}
