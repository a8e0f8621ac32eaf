using System.Text.RegularExpressions;

namespace Changxing.ServiceDefaults.Problems;

/// <summary>
/// ASP.NET Core explains a value it could not bind in its own terms ("Failed to bind parameter \"Nullable&lt;int&gt;
/// page\" from \"abc\"", "Did you mean to use a Service instead?"): type names and advice for the programmer. A caller
/// gets the same fact in plain words, naming the parameter and what it should be, never a .NET type.
/// </summary>
public static partial class BindFailureDetail
{
    public static string For(string message)
    {
        if (FailedToBind().Match(message) is { Success: true } failed)
        {
            return $"'{failed.Groups["name"].Value}' must be {Kind(failed.Groups["type"].Value)}.";
        }

        if (Required().Match(message) is { Success: true } required)
        {
            return $"'{required.Groups["name"].Value}' is required.";
        }

        if (message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return message.Contains("JSON", StringComparison.Ordinal) || message.Contains("inferred", StringComparison.Ordinal)
                ? "The body must be a JSON object of the documented shape."
                : "The request body could not be read.";
        }

        return "The request could not be read: check the path, the query and the body against the API document.";
    }

    private static string Kind(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>', '?') switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "a whole number",
        "decimal" or "double" or "float" => "a number",
        "Guid" => "an identifier (a GUID such as 0b7e5f1c-...)",
        "DateOnly" => "a date (yyyy-MM-dd)",
        "DateTime" or "DateTimeOffset" => "a date and time (ISO 8601)",
        "TimeOnly" => "a time (HH:mm)",
        "bool" or "Boolean" => "true or false",
        _ => "a value of the documented kind",
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>\S+) (?<name>[^"]+)" from""", RegexOptions.CultureInvariant)]
    private static partial Regex FailedToBind();

    [GeneratedRegex("""^Required parameter "(?<type>\S+) (?<name>[^"]+)" was not provided""", RegexOptions.CultureInvariant)]
    private static partial Regex Required();
}
