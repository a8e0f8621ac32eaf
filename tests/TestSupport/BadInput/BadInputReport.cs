using System.Globalization;
using System.Text;

namespace Changxing.TestSupport.BadInput;

/// <summary>The results of a run, and the checks that span it: refusals that wrote, and stored markers of refused cases.</summary>
public sealed record BadInputReport(string Seed, IReadOnlyList<BadInputResult> Results)
{
    /// <summary>How many markers the database scan found (all from accepted cases when the run passes).</summary>
    public int StoredMarkerCount { get; init; }

    public IEnumerable<string> AnswerViolations =>
        Results.Where(r => r.Violation is not null).Select(r => $"{r.Violation}\n  {r.Describe()}");

    /// <summary>
    /// A refused request (4xx) must not have written to the database, except where an operation records a refusal by
    /// design (<paramref name="allowed"/>: "POST /path 403" to why).
    /// </summary>
    public IEnumerable<string> RefusalsThatWrote(RequestWriteLog log, IReadOnlyDictionary<string, string> allowed) =>
        Results.Where(r => r.Refused && !allowed.ContainsKey($"{r.Case.Operation.Key} {(int)r.Status!}"))
            .Select(r => (Result: r, Writes: log.WritesOf(r.Number)))
            .Where(x => x.Writes.Count > 0)
            .Select(x => $"answered {(int)x.Result.Status!} yet wrote: {string.Join(" | ", x.Writes)}\n  {x.Result.Describe()}");

    /// <summary>A stored hostile string must come from a request the service accepted (2xx), never from one it refused.</summary>
    public IEnumerable<string> MarkersNotAccepted(IEnumerable<StoredMarker> stored)
    {
        var accepted = Results.Where(r => r.Accepted).Select(r => r.Number).ToHashSet();
        var byNumber = Results.ToDictionary(r => r.Number);
        return stored.Where(m => !accepted.Contains(m.CaseNumber))
            .Select(m => $"{m.Table} holds '{m.Excerpt}' from case {m.CaseNumber}, which was not accepted" +
                (byNumber.TryGetValue(m.CaseNumber, out var r) ? $"\n  {r.Describe()}" : string.Empty));
    }

    public string Summary =>
        $"{Results.Count} cases over {Results.Select(r => r.Case.Operation.Key).Distinct().Count()} operations, seed {Seed}; answers: " +
        string.Join(", ", Results.GroupBy(r => r.Status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "none")
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}")) +
        $"; slowest {Results.Max(r => r.Elapsed).TotalMilliseconds:0} ms; {StoredMarkerCount} marker(s) found stored";

    /// <summary>The failure message: the seed to replay, and each violation with the request that caused it (the first 25).</summary>
    public string Explain(IReadOnlyCollection<string> violations)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{violations.Count} violation(s). {Summary}")
            .AppendLine(CultureInfo.InvariantCulture, $"Replay with BADINPUT_SEED={Seed}.");
        foreach (var violation in violations.Take(25))
        {
            text.AppendLine(violation);
        }

        return text.ToString();
    }
}
