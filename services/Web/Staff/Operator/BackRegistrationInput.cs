namespace Changxing.Web.Staff.Operator;

/// <summary>A station window's back-registration (补登) of a money-paid trip, up to 90 days after departure.</summary>
public sealed class BackRegistrationInput
{
    public string? MemberId { get; set; }
    public string? TicketNumber { get; set; }
    public decimal? FacePrice { get; set; }
    public DateOnly? DepartureDate { get; set; }
}
