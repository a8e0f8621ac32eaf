using System.Text.Json;

namespace Changxing.TestSupport.BadInput;

/// <summary>
/// Values that look right for a field, chosen by its name and schema, so a request with one hostile field gets past
/// the checks of the others and reaches deep into the endpoint.
/// </summary>
public static class PlausibleValues
{
    public const string Date = "2026-03-05";

    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["train"] = "G1",
        ["number"] = "G1",
        ["trainNumber"] = "G1",
        ["code"] = "VNP",
        ["from"] = "VNP",
        ["fromStation"] = "VNP",
        ["to"] = "AOH",
        ["toStation"] = "AOH",
        ["date"] = Date,
        ["travelDate"] = Date,
        ["departureDate"] = Date,
        ["seatClass"] = "Second",
        ["trip"] = "OneWay",
        ["phone"] = "13800138000",
        // Not the journeys' passwords: the end-to-end log hygiene check looks for those in every service's log.
        ["password"] = "Fuzz-Pass-2026",
        ["loginPassword"] = "Fuzz-Pass-2026",
        ["consumptionPassword"] = "246813",
        ["newPassword"] = "246813",
        ["name"] = "张伟",
        ["userName"] = "operator",
        ["role"] = "operator",
        ["paymentMethod"] = "Money",
        ["facePrice"] = "553.5",
        ["price"] = "553.5",
        ["quota"] = "5",
        ["file"] = "idFront",
        ["idNumber"] = "11010519491231002X",
    };

    /// <summary>A plausible value as a raw JSON token.</summary>
    public static string Json(string name, JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out var values) && values.EnumerateArray().FirstOrDefault(v => v.ValueKind == JsonValueKind.String) is { ValueKind: JsonValueKind.String } first)
        {
            return first.GetRawText();
        }

        var type = JsonSchemaFacts.Type(schema);
        if (ByName.TryGetValue(name, out var known))
        {
            return type is "integer" or "number" ? known : JsonText.Quote(known);
        }

        return type switch
        {
            "integer" => "1",
            "number" => "1.5",
            "boolean" => "true",
            "array" => "[]",
            "object" => "{}",
            _ => JsonText.Quote(Text(name, schema)),
        };
    }

    /// <summary>A plausible value for a path, query or header parameter (unencoded).</summary>
    public static string Text(string name, JsonElement schema)
    {
        if (ByName.TryGetValue(name, out var known))
        {
            return known;
        }

        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values)
            && values.EnumerateArray().FirstOrDefault(v => v.ValueKind == JsonValueKind.String) is { ValueKind: JsonValueKind.String } first)
        {
            return first.GetString()!;
        }

        return (JsonSchemaFacts.Type(schema), JsonSchemaFacts.Format(schema)) switch
        {
            (_, "uuid") => Guid.NewGuid().ToString(),
            (_, "date") => Date,
            (_, "date-time") => "2026-03-05T08:00:00Z",
            ("integer", _) => "1",
            ("number", _) => "1.5",
            ("boolean", _) => "true",
            _ => "X1",
        };
    }
}
