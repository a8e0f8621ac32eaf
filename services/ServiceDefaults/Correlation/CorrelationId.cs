using System.Buffers;

namespace Changxing.ServiceDefaults.Correlation;

/// <summary>
/// The id that ties one caller's request to every log line and message it causes: accepted from (or created at)
/// the gateway, returned to the caller, forwarded over HTTP and carried in a MassTransit header.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>The correlation id of the request or message being handled on this flow, if any.</summary>
    public static string? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    /// <summary>A caller's id is kept only if it is short and plain, so it cannot forge log lines.</summary>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && !value.AsSpan().ContainsAnyExcept(Allowed);

    public static string New() => Guid.NewGuid().ToString("N");
}
