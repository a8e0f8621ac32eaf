namespace Changxing.Contracts.Ticketing;

/// <summary>The answer to <see cref="GetTicketFacts"/> when Ticketing has no ticket of that number.</summary>
public sealed record TicketNotFound(string TicketNumber);
