namespace Changxing.Contracts.Ticketing;

/// <summary>Saga step 4: turn the redemption's seat hold into an e-ticket paid with points. Idempotent by redemption id.</summary>
public sealed record IssueTicket(Guid RedemptionId, Guid MemberId, string PassengerName, string PassengerIdMasked, long PointsPaid);
