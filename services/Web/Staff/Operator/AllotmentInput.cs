namespace Changxing.Web.Staff.Operator;

/// <summary>A new allotment for a run, or (only <see cref="Quota"/>) a new quota for an existing one.</summary>
public sealed class AllotmentInput
{
    public string? SeatClass { get; set; } = "Second";
    public string? FromStation { get; set; }
    public string? ToStation { get; set; }
    public int Quota { get; set; }
}
