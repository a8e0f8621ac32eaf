namespace Changxing.Ticketing.Search;

/// <summary>
/// How a request's text is read, in one place for search, redemption submission and the submission's idempotency hash:
/// codes (stations, trains, the trip kind) are compared trimmed and upper-cased; other text (dates, seat classes,
/// authorisation codes) trimmed.
/// </summary>
public static class RequestText
{
    public static string Code(string? value) => value?.Trim().ToUpperInvariant() ?? string.Empty;

    public static string Text(string? value) => value?.Trim() ?? string.Empty;
}
