using System.Text.Json.Serialization;
using Changxing.Bench.Search;

namespace Changxing.Bench.Load;

/// <summary>
/// Everything one provider's run of the <c>load</c> command measured, written as JSON to bench/results. The saga's
/// share of the bus: completed redemptions per second x <see cref="MessagesPerRedemption"/> over the bus ceiling.
/// <see cref="Instances"/>: processes of each of Membership, Points and Ticketing (<c>--instances</c>; reports written
/// before it was recorded ran one); the CPU and memory figures of a service are those of all its instances together.
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
    IReadOnlyDictionary<string, double> PeakWorkingSetMb,
    int Instances = 1)
{
    /// <summary>
    /// Messages a completed redemption delivers: AuthoriseRedemption (sent by the API), RedemptionAuthorised,
    /// ReservePoints, PointsReserved, CapturePoints, PointsCaptured and RedemptionCompleted (to Membership's inbox; the
    /// strike counter reads completions from its table). The seat and the ticket are taken inside the saga's transaction.
    /// </summary>
    public const int MessagesPerRedemption = 7;

    /// <summary>The run's name in the console and on the chart: the provider, and "×2" with two instances of each service.</summary>
    [JsonIgnore]
    public string Label => LabelOf(Provider, Instances);

    /// <summary>"Postgres" for one instance of each service, "Postgres ×2" for two.</summary>
    public static string LabelOf(string provider, int instances) => instances > 1 ? $"{provider} ×{instances}" : provider;

    /// <summary>The last step whose p99 from submission to ticket stayed within the limit (null: none did).</summary>
    public LoadStepReport? LastWithinLimit(double p99LimitMs) =>
        Steps.LastOrDefault(s => s.SubmissionToTicketMs.P99 <= p99LimitMs && s.Failed == 0);

    /// <summary>The best completed rate of any step, as a share of the bus ceiling in messages.</summary>
    public double BusShare => Steps.Count == 0 ? 0 : Steps.Max(s => s.CompletedPerSecond) * MessagesPerRedemption / BusCeiling.ConsumedPerSecond;
}
