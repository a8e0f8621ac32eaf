namespace Changxing.Ticketing.Inventory;

/// <summary>
/// A seat of a run that has been sold on at least one leg. Seats never sold have no row (a run of 600 seats starts
/// with none), so seeding 60 days of runs writes no seats at all.
/// </summary>
public sealed class RunSeat
{
    public required Guid RunId { get; init; }

    public required string Car { get; init; }

    public required string Seat { get; init; }

    public required string SeatClass { get; init; }

    /// <summary>The <see cref="SeatLegMask"/> bits, stored as a signed 64-bit column every provider has.</summary>
    public long SoldLegs { get; set; }

    public SeatLegMask Sold
    {
        get => new(unchecked((ulong)SoldLegs));
        set => SoldLegs = unchecked((long)value.Bits);
    }
}
