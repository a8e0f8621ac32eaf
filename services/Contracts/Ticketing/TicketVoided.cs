namespace Changxing.Contracts.Ticketing;

public sealed record TicketVoided(Guid RedemptionId, string? TicketNumber);
