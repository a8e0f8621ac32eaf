namespace Changxing.Contracts.Ticketing;

/// <summary>Compensation after issue (e.g. capture refused): void the e-ticket and free its seat. Idempotent.</summary>
public sealed record VoidTicket(Guid RedemptionId, string Reason);
