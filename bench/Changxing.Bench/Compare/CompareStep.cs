using Changxing.Bench.Load;

namespace Changxing.Bench.Compare;

/// <summary>One step of one build in a <c>compare</c> run: which round, which build ("A" or "B"), and what it measured.</summary>
public sealed record CompareStep(int Round, string Build, LoadStepReport Step)
{
    /// <summary>The processes whose CPU the budget counts: the four services and RabbitMQ.</summary>
    public static readonly string[] Budgeted = ["Ticketing", "Points", "Membership", "Gateway", "RabbitMQ"];

    /// <summary>
    /// Whether the step ran as offered: at least 95 % of the rate completed, nothing failed, and the population had a
    /// redemption for every arrival. A round counts only when both of its steps did.
    /// </summary>
    public bool AsOffered => Step.Failed == 0 && !Step.RanOutOfMembers && Step.CompletedPerSecond >= 0.95 * Step.OfferedPerSecond;

    /// <summary>CPU milliseconds per redemption of the four services and RabbitMQ together.</summary>
    public double ServicesAndBrokerMs => Math.Round(Budgeted.Sum(p => Step.CpuMsPerRedemption.GetValueOrDefault(p)), 1);
}
