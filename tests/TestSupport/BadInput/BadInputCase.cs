using System.Globalization;
using System.Text;

namespace Changxing.TestSupport.BadInput;

/// <summary>
/// One hostile request for an operation, as generated: who sends it, the path and query, headers, content type and
/// body. <see cref="HostileValues.Marker"/> in it is replaced by the case's own marker when it is sent.
/// </summary>
public sealed record BadInputCase(
    ApiOperation Operation,
    int Caller,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType,
    string? Body,
    string Kind)
{
    /// <summary>Stands for bytes that are not UTF-8 at all; see <see cref="BodyBytes"/>.</summary>
    public const string InvalidUtf8 = "\u0001invalid-utf8\u0001";

    private static readonly byte[] InvalidBytes = [0xFF, 0xFE, 0xC3, 0x28, 0xED, 0xA0, 0x80];

    public static string MarkerFor(int number) => "fuzz" + number.ToString(CultureInfo.InvariantCulture) + "x";

    public HttpRequestMessage ToRequest(int number)
    {
        var marker = MarkerFor(number);
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), new Uri(PathAndQuery.Replace(HostileValues.Marker, marker, StringComparison.Ordinal), UriKind.Relative));
        request.Headers.TryAddWithoutValidation(BadInputRunner.CaseHeader, number.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value.Replace(HostileValues.Marker, marker, StringComparison.Ordinal));
        }

        if (Body is not null)
        {
            request.Content = new ByteArrayContent(BodyBytes(marker));
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }

    /// <summary>The request as text, to reproduce it with curl or a test; long bodies are cut.</summary>
    public string Describe(int number, string caller)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Operation.Method} {PathAndQuery.Replace(HostileValues.Marker, MarkerFor(number), StringComparison.Ordinal)} as {caller} [{Kind}]");
        foreach (var (name, value) in Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {name}: {Cut(value)}");
        }

        if (Body is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  Content-Type: {ContentType ?? "(none)"}\n  {Cut(Body.Replace(HostileValues.Marker, MarkerFor(number), StringComparison.Ordinal))}");
        }

        return text.ToString();
    }

    private byte[] BodyBytes(string marker)
    {
        var parts = Body!.Replace(HostileValues.Marker, marker, StringComparison.Ordinal).Split(InvalidUtf8);
        return parts.SelectMany((p, i) => i == 0 ? Encoding.UTF8.GetBytes(p) : InvalidBytes.Concat(Encoding.UTF8.GetBytes(p))).ToArray();
    }

    private static string Cut(string value) =>
        value.Length <= 400 ? value : string.Concat(value.AsSpan(0, 400), $"... ({value.Length} characters)");
}
