namespace Changxing.Contracts.Ticketing;

/// <summary>
/// Ticketing's facts of one ticket, the answer to <see cref="GetTicketFacts"/>. <paramref name="MemberId"/> is the member
/// the ticket was sold or issued to (the passenger's account); <paramref name="PaymentMethod"/> is one of
/// <see cref="Contracts.PaymentMethod"/>; <paramref name="FacePrice"/> is the fare in yuan; <paramref name="DepartureDate"/>
/// is the run's service date (as in <c>TripCompleted</c>) and <paramref name="DepartsAt"/> the instant the train leaves
/// the passenger's boarding station; <paramref name="Status"/> is one of <see cref="TicketFactStatus"/>.
/// </summary>
public sealed record TicketFacts(
    string TicketNumber,
    Guid MemberId,
    string PaymentMethod,
    decimal FacePrice,
    DateOnly DepartureDate,
    DateTimeOffset DepartsAt,
    string Status);
