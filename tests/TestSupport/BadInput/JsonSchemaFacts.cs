using System.Text.Json;

namespace Changxing.TestSupport.BadInput;

/// <summary>The few facts of a JSON schema the fuzzer reads: its main type (ignoring "null" and the "string" beside numbers) and format.</summary>
public static class JsonSchemaFacts
{
    public static string Type(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return "string";
        }

        if (schema.TryGetProperty("enum", out _))
        {
            return "enum";
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : "string";
        }

        var types = type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [type.GetString()!];
        return types.FirstOrDefault(t => t is "integer" or "number" or "boolean" or "array" or "object")
            ?? types.FirstOrDefault(t => t != "null")
            ?? "string";
    }

    public static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    public static IEnumerable<string> EnumValues(JsonElement schema) =>
        schema.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
            : [];
}
