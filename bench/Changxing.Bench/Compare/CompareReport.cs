using Changxing.Bench.Load;

namespace Changxing.Bench.Compare;

/// <summary>
/// Everything a <c>compare</c> run measured, written as JSON to bench/results: both checkouts and their commits, and
/// every step of every round. The verdict is the median of the rounds' B/A ratios of CPU per redemption: each round
/// runs A and B within a minute of each other, so a change in the machine's speed between rounds (a fifth on this
/// shared machine, docs/PERFORMANCE.md) falls largely on both, where it would swamp two separate runs. Single rounds
/// still scatter by about a tenth: eight rounds resolve about ±5–8 %.
/// </summary>
public sealed record CompareReport(
    string Provider,
    string Command,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    double[] LoadAverageAtStart,
    string A,
    string? ACommit,
    string B,
    string? BCommit,
    double Rate,
    IReadOnlyList<CompareStep> Steps)
{
    /// <summary>The rounds whose two steps both ran as offered (<see cref="CompareStep.AsOffered"/>).</summary>
    public IReadOnlyList<int> CountedRounds =>
        [.. Steps.GroupBy(s => s.Round).Where(r => r.Count() == 2 && r.All(s => s.AsOffered)).Select(r => r.Key).Order()];

    /// <summary>Per counted round, B's CPU per redemption over A's (the four services and RabbitMQ).</summary>
    public IReadOnlyList<double> Ratios =>
        [.. CountedRounds.Select(round => Math.Round(Of(round, "B").ServicesAndBrokerMs / Of(round, "A").ServicesAndBrokerMs, 3))];

    public double MedianRatio => Median(Ratios);

    /// <summary>A build's median CPU ms per redemption over the counted rounds, for one process or (null) the four services and RabbitMQ.</summary>
    public double MedianMs(string build, string? process = null) =>
        Median([.. CountedRounds.Select(round => Of(round, build))
            .Select(s => process is null ? s.ServicesAndBrokerMs : s.Step.CpuMsPerRedemption.GetValueOrDefault(process))]);

    /// <summary>A build's median p99 from submission to ticket over the counted rounds, ms.</summary>
    public double MedianP99(string build) => Median([.. CountedRounds.Select(round => Of(round, build).Step.SubmissionToTicketMs.P99)]);

    private CompareStep Of(int round, string build) => Steps.Single(s => s.Round == round && s.Build == build);

    private static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return Math.Round(sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2, 3);
    }
}
