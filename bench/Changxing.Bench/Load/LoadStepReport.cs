using Changxing.SystemHarness.Load;

namespace Changxing.Bench.Load;

/// <summary>
/// One ramp step as the JSON report keeps it: offered and completed rates, latency percentiles (ms), failures by
/// reason, and who used the CPU (cores: 1.0 is one core busy; the machine has two). CPU milliseconds per started
/// redemption does not depend much on what else the machine runs, unlike the rates and latencies.
/// </summary>
public sealed record LoadStepReport(
    double OfferedPerSecond,
    double Seconds,
    int Started,
    int Completed,
    int Failed,
    double StartedPerSecond,
    double CompletedPerSecond,
    LatencySummary SubmissionToTicketMs,
    LatencySummary SubmissionToFinishedMs,
    LatencySummary AuthoriseMs,
    LatencySummary SubmitMs,
    IReadOnlyDictionary<string, double> MedianStageMs,
    IReadOnlyDictionary<string, int> FailuresByReason,
    IReadOnlyDictionary<string, double> CoresByProcess,
    IReadOnlyDictionary<string, double> CpuMsPerRedemption,
    double MachineBusy,
    double LoadAverage1m,
    bool RanOutOfMembers,
    string? Mode = "open")
{
    /// <summary>"8/s" for an open-loop step, "closed 64" for 64 members redeeming back to back.</summary>
    public string Offered => Mode == "closed" ? $"closed {OfferedPerSecond:0}" : $"{OfferedPerSecond:0.#}/s";

    public static LoadStepReport Of(LoadStepResult step, CpuMark before, CpuMark after, double loadAverage) => new(
        step.Offered,
        step.Duration.TotalSeconds,
        step.Started,
        step.Completed,
        step.Failed,
        Math.Round(step.StartedPerSecond, 2),
        Math.Round(step.CompletedPerSecond, 2),
        step.SubmissionToTicket,
        step.SubmissionToFinished,
        step.Authorise,
        step.Submit,
        step.MedianStageMs,
        step.FailuresByReason,
        after.CoresSince(before),
        after.MillisecondsPer(before, step.Started),
        after.MachineBusySince(before),
        loadAverage,
        step.RanOutOfMembers,
        step.Mode);
}
