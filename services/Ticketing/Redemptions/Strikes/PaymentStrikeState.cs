using Changxing.Messaging.Sagas;

namespace Changxing.Ticketing.Redemptions.Strikes;

/// <summary>One member's run of consecutive failed payments (the CorrelationId is the member id).</summary>
public sealed class PaymentStrikeState : IStepDeadlineSaga
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = null!;

    public int ConsecutiveFailures { get; set; }

    /// <summary>The failures of the current run, as JSON (<see cref="PaymentStrikes"/>).</summary>
    public string RecentFailures { get; set; } = "[]";

    /// <summary>Set once a support ticket was asked for, until it is resolved: no second one meanwhile.</summary>
    public bool TicketRequested { get; set; }

    /// <summary>
    /// The three failures the unanswered ticket request carries, as JSON: sent again with the request when its deadline
    /// passes without <c>SupportTicketOpened</c>; "[]" once the ticket is known to be open.
    /// </summary>
    public string RequestedFailures { get; set; } = "[]";

    public string? OpenTicketNumber { get; set; }

    /// <summary>The number of the last ticket counted in <see cref="TicketsOpened"/>: a repeated announcement of it is not counted again.</summary>
    public string? LastTicketNumber { get; set; }

    public int TicketsOpened { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>"open-support-ticket" while a ticket was asked for and not yet announced; null otherwise.</summary>
    public string? DeadlineStep { get; set; }

    public int DeadlineAttempt { get; set; }

    public DateTimeOffset? DeadlineAt { get; set; }
}
