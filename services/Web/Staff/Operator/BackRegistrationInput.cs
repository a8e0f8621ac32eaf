namespace Changxing.Web.Staff.Operator;

/// <summary>
/// A station window's back-registration (补登) of a money-paid trip, up to 90 days after departure: the ticket and the
/// member only; Points takes the face price and departure from Ticketing.
/// </summary>
public sealed class BackRegistrationInput
{
    public string? MemberId { get; set; }
    public string? TicketNumber { get; set; }
}
