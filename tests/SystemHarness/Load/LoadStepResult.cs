namespace Changxing.SystemHarness.Load;

/// <summary>
/// One step of load: redemptions started during [<see cref="Start"/>, Start + <see cref="Duration"/>) and followed to
/// their end. <see cref="Offered"/> is redemptions per second (open loop) or concurrent members (closed loop).
/// </summary>
public sealed record LoadStepResult(string Mode, double Offered, DateTimeOffset Start, TimeSpan Duration, IReadOnlyList<RedemptionOutcome> Outcomes)
{
    /// <summary>The population had no redemption left to plan before the step's end (seed more for this load).</summary>
    public bool RanOutOfMembers { get; init; }

    public int Started => Outcomes.Count;

    public int Completed => Outcomes.Count(o => o.Completed);

    public int Failed => Started - Completed;

    /// <summary>Redemptions that finished Completed inside the step's window, per second of it: what the system sustained.</summary>
    public double CompletedPerSecond =>
        Outcomes.Count(o => o.Completed && o.FinishedAt < Start + Duration) / Duration.TotalSeconds;

    public double StartedPerSecond => Started / Duration.TotalSeconds;

    public LatencySummary SubmissionToTicket => LatencySummary.Of(Outcomes.Where(o => o.Completed).Select(o => o.SubmissionToTicketMs!.Value));

    public LatencySummary SubmissionToFinished => LatencySummary.Of(Outcomes.Where(o => o.Completed).Select(o => o.SubmissionToFinishedMs!.Value));

    /// <summary>The payment authorisation request (the consumption password's slow hash) as the client saw it.</summary>
    public LatencySummary Authorise => LatencySummary.Of(Outcomes.Where(o => o.AuthoriseMs > 0).Select(o => o.AuthoriseMs));

    /// <summary>POST /api/redemptions through the gateway until its 202, as the client saw it.</summary>
    public LatencySummary Submit => LatencySummary.Of(Outcomes.Where(o => o.SubmitMs > 0).Select(o => o.SubmitMs));

    /// <summary>
    /// Where the time goes: for completed redemptions, the median milliseconds from each timeline event to the next
    /// ("Submitted→Authorised" is Membership's step with the bus both ways, "Authorised→PointsReserved" Points'...).
    /// </summary>
    public IReadOnlyDictionary<string, double> MedianStageMs =>
        Outcomes.Where(o => o.Completed)
            .SelectMany(o => o.Timeline.Zip(o.Timeline.Skip(1), (a, b) => (Stage: $"{a.Event}→{b.Event}", Ms: (b.At - a.At).TotalMilliseconds)))
            .GroupBy(s => s.Stage)
            .ToDictionary(g => g.Key, g => LatencySummary.Of(g.Select(s => s.Ms)).P50);

    public IReadOnlyDictionary<string, int> FailuresByReason =>
        Outcomes.Where(o => !o.Completed).GroupBy(o => o.Outcome).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
}
