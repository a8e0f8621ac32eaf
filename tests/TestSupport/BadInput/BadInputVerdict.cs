using System.Net;
using System.Text.Json;

namespace Changxing.TestSupport.BadInput;

/// <summary>
/// What every answer to bad input must be: within the time-out, never a 5xx, and every 4xx an RFC 9457 problem
/// document (<c>application/problem+json</c>) whose <c>status</c> matches, with a <c>title</c> and a <c>reason</c>.
/// A 2xx is fine: the input was valid after all (and the database checks then allow what it stored).
/// </summary>
public static class BadInputVerdict
{
    public static string? Judge(HttpStatusCode? status, string? mediaType, string body, string pathAndQuery = "")
    {
        if (status is null)
        {
            return "no answer within the time-out (a hang)";
        }

        var code = (int)status.Value;
        if (code == 400 && body.Length == 0 && mediaType is null && IsRequestLineKestrelRefuses(pathAndQuery))
        {
            // Kestrel refuses a path with an encoded NUL while parsing the request line, before any middleware can
            // write a problem document: the one bare 400 allowed, and only for such a path.
            return null;
        }

        if (code >= 500)
        {
            return $"answered {code}: {Excerpt(body)}";
        }

        if (code < 400)
        {
            return null;
        }

        if (mediaType != "application/problem+json")
        {
            return $"answered {code} as {mediaType ?? "no content type"}, not a problem document: {Excerpt(body)}";
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            if (!root.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.Number || s.GetInt32() != code)
            {
                return $"answered {code} with a problem whose status is missing or different: {Excerpt(body)}";
            }

            if (!root.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
            {
                return $"answered {code} with a problem without a title: {Excerpt(body)}";
            }

            if (!root.TryGetProperty("reason", out var reason) || string.IsNullOrWhiteSpace(reason.GetString()))
            {
                return $"answered {code} with a problem without a reason: {Excerpt(body)}";
            }
        }
        catch (JsonException)
        {
            return $"answered {code} with a problem document that is not JSON: {Excerpt(body)}";
        }

        return null;
    }

    private static bool IsRequestLineKestrelRefuses(string pathAndQuery)
    {
        var path = pathAndQuery.Split('?')[0];
        return path.Contains("%00", StringComparison.Ordinal);
    }

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "...";
}
