using MassTransit;

namespace Changxing.Ticketing.Redemptions.Strikes;

/// <summary>One member's run of consecutive failed payments (the CorrelationId is the member id).</summary>
public sealed class PaymentStrikeState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = null!;

    public int ConsecutiveFailures { get; set; }

    /// <summary>The failures of the current run, as JSON (<see cref="PaymentStrikes"/>).</summary>
    public string RecentFailures { get; set; } = "[]";

    /// <summary>Set once a support ticket was asked for, until it is resolved: no second one meanwhile.</summary>
    public bool TicketRequested { get; set; }

    public string? OpenTicketNumber { get; set; }

    public int TicketsOpened { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
