using System.Collections;

namespace Changxing.ServiceDefaults.Correlation;

/// <summary>
/// The log scope that stamps a line with its correlation id: structured sinks (OpenTelemetry) read the
/// <c>CorrelationId</c> pair; the console prints <see cref="ToString"/> (<c>CorrelationId:abc</c>). A plain dictionary
/// would print its type name on the console.
/// </summary>
public sealed class CorrelationLogScope(string id) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new("CorrelationId", id) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "CorrelationId:" + id;
}
