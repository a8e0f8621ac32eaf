namespace Changxing.Contracts.Ticketing;

/// <summary>
/// A request to Ticketing, which owns tickets: what does it know of this ticket? Answered with <see cref="TicketFacts"/>
/// or <see cref="TicketNotFound"/>. <paramref name="TicketNumber"/> is in the normal form of <see cref="TicketNumberFormat"/>.
/// </summary>
public sealed record GetTicketFacts(string TicketNumber);
