namespace Changxing.SystemHarness.Load;

/// <summary>
/// What became of one redemption the load generator made. <see cref="Outcome"/> is "Completed", or why not: the
/// saga's failure reason (e.g. "StepTimedOut"), or what the client saw ("authorise HTTP 429", "submit HTTP 503",
/// "authorise timeout", "unfinished after 90 s", "no idle member": no <see cref="Plan"/>, every member was busy).
/// Client times come from this process's clock; the server times
/// come from the redemption's timeline, stamped by Ticketing (same machine, same clock).
/// </summary>
public sealed record RedemptionOutcome(
    PlannedRedemption? Plan,
    Guid? RedemptionId,
    string Outcome,
    DateTimeOffset StartedAt,
    double AuthoriseMs,
    double SubmitMs,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? TicketIssuedAt,
    DateTimeOffset? FinishedAt)
{
    /// <summary>The redemption's timeline (event and time) once it finished; empty when it never did.</summary>
    public IReadOnlyList<TimelineMark> Timeline { get; init; } = [];

    public const string CompletedOutcome = "Completed";

    public bool Completed => Outcome == CompletedOutcome;

    /// <summary>From the saga row being stored (the timeline's "Submitted") to "TicketIssued", in milliseconds.</summary>
    public double? SubmissionToTicketMs => SubmittedAt is { } s && TicketIssuedAt is { } t ? (t - s).TotalMilliseconds : null;

    /// <summary>From the saga row being stored to the redemption finishing (points captured, or failed), in milliseconds.</summary>
    public double? SubmissionToFinishedMs => SubmittedAt is { } s && FinishedAt is { } f ? (f - s).TotalMilliseconds : null;
}
