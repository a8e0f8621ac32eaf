namespace Changxing.Ticketing.Trains;

/// <summary>
/// One car (车厢) and its layout: <see cref="Rows"/> rows of the seats named by <see cref="Letters"/>.
/// Seats are "{row:00}{letter}" (05F); sleepers use tiers as letters (下 lower, 中 middle, 上 upper), so "05下" is berth 5, lower.
/// </summary>
public sealed class TrainCar
{
    public required string TrainNumber { get; init; }

    public required int CarNumber { get; init; }

    public required string SeatClass { get; init; }

    public required int Rows { get; init; }

    public required string Letters { get; init; }

    public string CarLabel => CarLabelOf(CarNumber);

    public static string CarLabelOf(int carNumber) => carNumber.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    public IEnumerable<string> SeatLabels()
    {
        for (var row = 1; row <= Rows; row++)
        {
            foreach (var letter in Letters)
            {
                yield return row.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + letter;
            }
        }
    }
}
