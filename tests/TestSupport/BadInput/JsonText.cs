using System.Globalization;
using System.Text;

namespace Changxing.TestSupport.BadInput;

/// <summary>
/// Writes a JSON string literal by hand: System.Text.Json refuses to write lone surrogates, and a client that sends
/// them as <c>\ud800</c> escapes is exactly what the fuzzer imitates.
/// </summary>
public static class JsonText
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (c == '"' || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || char.IsSurrogate(c))
            {
                // Control characters and lone surrogates travel as \uXXXX escapes.
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
