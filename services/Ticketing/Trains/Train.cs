namespace Changxing.Ticketing.Trains;

/// <summary>A train number (车次) with its ordered stops, its cars and its fares per segment.</summary>
public sealed class Train
{
    /// <summary>Legs are bits of a 64-bit mask (<see cref="Inventory.SeatLegMask"/>), so a train has at most 65 stops.</summary>
    public const int MaxStops = 65;

    public required string Number { get; init; }

    public List<TrainStop> Stops { get; init; } = [];

    public List<TrainCar> Cars { get; init; } = [];

    public List<SegmentFare> Fares { get; init; } = [];

    /// <summary>G (高速), D (动车), Z (直达), T (特快), K (快速)...: the letter before the digits.</summary>
    public static string KindOf(string number) => number.Length > 0 && char.IsLetter(number[0]) ? number[..1] : string.Empty;

    public static bool IsWellFormedNumber(string? number) =>
        number is { Length: >= 2 and <= 6 } && char.IsAsciiLetterUpper(number[0]) && number[1..].All(char.IsAsciiDigit);
}
