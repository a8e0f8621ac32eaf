using System.Text;

namespace Changxing.SystemHarness.Scenarios;

/// <summary>One invariant: what it promises, how many things it looked at, and every breach found.</summary>
public sealed record InvariantCheck(string Promise, int Checked, IReadOnlyList<string> Violations)
{
    public bool Holds => Violations.Count == 0;
}

/// <summary>What <see cref="Invariants.CheckAsync"/> found: the redemptions' outcomes and each invariant's verdict.</summary>
public sealed record InvariantReport(
    int Redemptions,
    IReadOnlyDictionary<string, int> ByState,
    IReadOnlyDictionary<string, int> FailedByReason,
    int RecoveredByDeadline,
    IReadOnlyList<InvariantCheck> Checks)
{
    /// <summary>How many breaches a report lists per invariant before it only counts them.</summary>
    public const int ListedPerCheck = 20;

    public bool Holds => Checks.All(c => c.Holds);

    public IEnumerable<string> Violations => Checks.SelectMany(c => c.Violations);

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"redemptions: {Redemptions} ({string.Join(", ", ByState.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}"))})");
        text.AppendLine($"redemptions a step deadline had to recover (re-sent step or compensation): {RecoveredByDeadline}");
        if (FailedByReason.Count > 0)
        {
            text.AppendLine($"failed by reason: {string.Join(", ", FailedByReason.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))}");
        }

        foreach (var check in Checks)
        {
            text.AppendLine($"[{(check.Holds ? "ok" : "BROKEN")}] {check.Promise} ({check.Checked} checked{(check.Holds ? "" : $", {check.Violations.Count} violations")})");
            foreach (var violation in check.Violations.Take(ListedPerCheck))
            {
                text.AppendLine("    " + violation);
            }

            if (check.Violations.Count > ListedPerCheck)
            {
                text.AppendLine($"    ... and {check.Violations.Count - ListedPerCheck} more");
            }
        }

        return text.ToString();
    }
}
