using Changxing.Contracts.Ticketing;

namespace Changxing.Points.BackRegistration;

/// <summary>What Ticketing said of a ticket: its <see cref="Facts"/>, that it knows no such ticket, or nothing in time (<see cref="Unavailable"/>).</summary>
public sealed record TicketFactsAnswer(TicketFacts? Facts, bool Unavailable)
{
    public static readonly TicketFactsAnswer NotFound = new(null, false);

    public static readonly TicketFactsAnswer NoAnswer = new(null, true);

    public static TicketFactsAnswer Of(TicketFacts facts) => new(facts, false);
}
