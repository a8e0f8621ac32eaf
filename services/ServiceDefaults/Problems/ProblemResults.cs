using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Changxing.ServiceDefaults.Problems;

/// <summary>
/// RFC 9457 problem details carrying a <c>reason</c> a client can act on (one of <c>ReasonCodes</c>).
/// The <c>type</c> URI names the reason too, so clients can dispatch on either.
/// </summary>
public static class ProblemResults
{
    public static ProblemHttpResult Problem(int status, string reason, string detail, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>(), StringComparer.Ordinal)
        {
            ["reason"] = reason,
        };
        return TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: Title(reason),
            type: TypeUri(reason),
            extensions: all);
    }

    public static ProblemHttpResult BadRequest(string reason, string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status400BadRequest, reason, detail, extensions);

    public static ProblemHttpResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, Contracts.ReasonCodes.NotFound, detail);

    public static ProblemHttpResult Conflict(string reason, string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status409Conflict, reason, detail, extensions);

    public static ProblemHttpResult Unprocessable(string reason, string detail, IDictionary<string, object?>? extensions = null) =>
        Problem(StatusCodes.Status422UnprocessableEntity, reason, detail, extensions);

    public static string TypeUri(string reason) => "urn:changxing:problem:" + reason;

    /// <summary>"InsufficientAvailablePoints" becomes "Insufficient available points".</summary>
    public static string Title(string reason)
    {
        var chars = new List<char>(reason.Length + 8);
        for (var i = 0; i < reason.Length; i++)
        {
            var c = reason[i];
            if (i > 0 && char.IsUpper(c))
            {
                chars.Add(' ');
                chars.Add(char.ToLowerInvariant(c));
            }
            else
            {
                chars.Add(c);
            }
        }

        return new string(chars.ToArray());
    }
}
