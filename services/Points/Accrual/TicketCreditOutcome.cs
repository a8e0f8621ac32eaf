using Changxing.Contracts.Points;

namespace Changxing.Points.Accrual;

/// <summary>What happened to a ticket; <see cref="Credited"/> is the event to publish (also for a redelivered trip already credited).</summary>
public sealed record TicketCreditOutcome(TicketCreditStatus Status, PointsCredited? Credited = null, long DaysAfterDeparture = 0);
