using Changxing.Bench.Search;

namespace Changxing.Bench.Load;

/// <summary>
/// Everything one provider's run of the <c>load</c> command measured, written as JSON to bench/results. The saga's
/// share of the bus: completed redemptions per second x <see cref="MessagesPerRedemption"/> over the bus ceiling.
/// </summary>
public sealed record LoadReport(
    string Provider,
    string Command,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Cores,
    double[] LoadAverageAtStart,
    double[] LoadAverageAtEnd,
    int Members,
    int Runs,
    double SeedingSeconds,
    BusCeilingResult BusCeiling,
    SearchComparison Search,
    IReadOnlyList<LoadStepReport> Steps,
    IReadOnlyDictionary<string, double> PeakWorkingSetMb)
{
    /// <summary>
    /// Messages a completed redemption delivers: AuthoriseRedemption (sent by the API), RedemptionAuthorised,
    /// ReservePoints, PointsReserved, CapturePoints, PointsCaptured and RedemptionCompleted (to Membership's inbox; the
    /// strike counter reads completions from its table). The seat and the ticket are taken inside the saga's transaction.
    /// </summary>
    public const int MessagesPerRedemption = 7;

    /// <summary>The last step whose p99 from submission to ticket stayed within the limit (null: none did).</summary>
    public LoadStepReport? LastWithinLimit(double p99LimitMs) =>
        Steps.LastOrDefault(s => s.SubmissionToTicketMs.P99 <= p99LimitMs && s.Failed == 0);

    /// <summary>The best completed rate of any step, as a share of the bus ceiling in messages.</summary>
    public double BusShare => Steps.Count == 0 ? 0 : Steps.Max(s => s.CompletedPerSecond) * MessagesPerRedemption / BusCeiling.ConsumedPerSecond;
}
