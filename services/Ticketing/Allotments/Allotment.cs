namespace Changxing.Ticketing.Allotments;

/// <summary>
/// A redemption allotment (the red "兑" mark): seats of one class on one run that may be paid with points, up to
/// <see cref="Quota"/>. It may be restricted to passengers boarding at <see cref="FromStation"/> and/or leaving at
/// <see cref="ToStation"/>; null means any.
/// </summary>
public sealed class Allotment
{
    public required Guid Id { get; init; }

    public required Guid RunId { get; init; }

    public required string SeatClass { get; init; }

    public string? FromStation { get; init; }

    public string? ToStation { get; init; }

    public required int Quota { get; set; }

    /// <summary>Seats held or ticketed against this allotment; released and expired holds give theirs back.</summary>
    public int Used { get; set; }

    public int Left => Math.Max(0, Quota - Used);

    /// <summary>The whole rule: class and both stations match, and quota is left.</summary>
    public bool Covers(string seatClass, string from, string to) =>
        SeatClass == seatClass
        && (FromStation is null || FromStation == from)
        && (ToStation is null || ToStation == to);

    /// <summary>More specific allotments are drawn first, so a general quota is not spent on a segment a restricted one covers.</summary>
    public int Specificity => (FromStation is null ? 0 : 1) + (ToStation is null ? 0 : 1);
}
