using System.Text.Json;
using CsCheck;

namespace Changxing.TestSupport.BadInput;

/// <summary>
/// CsCheck generators of hostile requests for one operation, read from its OpenAPI description: bodies shaped like
/// the schema with hostile values in some fields, malformed JSON, JSON of the wrong type, wrong content types, empty
/// and invalid-UTF-8 bodies, multipart junk, and hostile path, query and header values.
/// </summary>
public static class BadInputGenerator
{
    private const int MaxDepth = 4;

    /// <param name="nulInPath">
    /// False for in-process hosts: ASP.NET's TestServer decodes the path itself and throws on an encoded NUL before
    /// the service sees it. Over Kestrel (the end-to-end run) the NUL goes through.
    /// </param>
    public static Gen<BadInputCase> For(ApiOperation operation, int callers, bool nulInPath) =>
        Gen.Select(Gen.Int[0, callers - 1], PathAndQuery(operation, nulInPath), Headers(operation), Body(operation),
            (caller, path, headers, body) => new BadInputCase(operation, caller, path, headers, body.ContentType, body.Body, body.Kind));

    private static Gen<string> PathAndQuery(ApiOperation operation, bool nulInPath)
    {
        var path = operation.Parameters.Where(p => p.In == "path").Aggregate(
            Gen.Const(operation.PathTemplate),
            (template, parameter) => template.SelectMany(t => UrlValue(parameter, plausibleWeight: 3)
                .Select(v => nulInPath ? v : v.Replace("%00", "%01", StringComparison.Ordinal))
                .Select(v => t.Replace("{" + parameter.Name + "}", v, StringComparison.Ordinal))));
        var query = operation.Parameters.Where(p => p.In == "query").Aggregate(
            Gen.Const(new List<string>()),
            (pairs, parameter) => pairs.SelectMany(list => Gen.Frequency(
                    (2, Gen.Const((string?)null)),
                    (5, UrlValue(parameter, plausibleWeight: 2).Select(v => (string?)(parameter.Name + "=" + v))))
                .Select(pair => pair is null ? list : [.. list, pair])));
        var extra = Gen.Frequency(
            (6, Gen.Const(new List<string>())),
            (1, Gen.Const(new List<string> { "unknown=" + HostileValues.Marker })),
            (1, Gen.OneOfConst(HostileValues.RawUrlValues).Select(v => new List<string> { v + "=" + v })));
        return Gen.Select(path, query, extra, (p, q, e) => q.Count + e.Count == 0 ? p : p + "?" + string.Join('&', q.Concat(e)));
    }

    /// <summary>A parameter value for a URL: plausible, a hostile string escaped, or raw hostile bytes.</summary>
    private static Gen<string> UrlValue(ApiParameter parameter, int plausibleWeight) =>
        Gen.Frequency(
            (plausibleWeight, Gen.Const(() => Uri.EscapeDataString(PlausibleValues.Text(parameter.Name, parameter.Schema)))),
            (2, Gen.OneOfConst(HostileValues.Strings.Where(s => s.Length < 2_000).ToArray()).Select(Escape)),
            (2, Gen.OneOfConst(HostileValues.RawUrlValues)),
            (1, Gen.OneOfConst(HostileValues.EnumNames).Select(Escape)));

    private static Gen<IReadOnlyList<KeyValuePair<string, string>>> Headers(ApiOperation operation) =>
        operation.Parameters.Where(p => p.In == "header").Aggregate(
            Gen.Const<IReadOnlyList<KeyValuePair<string, string>>>([]),
            (headers, parameter) => headers.SelectMany(list => Gen.Frequency(
                    (1, Gen.Const((string?)null)),
                    (2, Gen.Const<string?>(() => PlausibleValues.Text(parameter.Name, parameter.Schema) + Guid.NewGuid().ToString("N"))),
                    (3, Gen.OneOfConst(HostileValues.HeaderValues).Select(v => (string?)v)))
                .Select(value => value is null ? list : (IReadOnlyList<KeyValuePair<string, string>>)[.. list, new(parameter.Name, value)])));

    private static Gen<(string? ContentType, string? Body, string Kind)> Body(ApiOperation operation)
    {
        const string Json = "application/json";
        var malformed = Gen.OneOfConst(HostileValues.MalformedJson).Select(b => ((string?)Json, (string?)b, "malformed JSON"));
        var wrongType = Gen.OneOfConst(HostileValues.WrongJsonTypes).Select(b => ((string?)Json, (string?)b, "wrong JSON type"));
        var sample = operation.BodySchema is { } s ? Value("body", s, 0) : Gen.Const("{}");
        var wrongContentType = Gen.Select(Gen.OneOfConst(HostileValues.WrongContentTypes), sample, (type, body) => (type, (string?)body, "wrong content type"));
        var empty = Gen.Const(((string?)Json, (string?)string.Empty, "empty body"));
        var invalidUtf8 = Gen.Const(((string?)Json, (string?)("{\"name\":\"" + BadInputCase.InvalidUtf8 + "\",\"x\":1}"), "invalid UTF-8"));
        var multipart = Gen.OneOfConst(HostileValues.Strings.Where(v => !v.Contains('\r', StringComparison.Ordinal)).ToArray())
            .Select(v => ((string?)"multipart/form-data; boundary=fuzz", (string?)Multipart(v), "multipart junk"));
        var none = Gen.Const(((string?)null, (string?)null, "no body"));

        if (operation.BodySchema is { } schema)
        {
            return Gen.Frequency(
                (8, Value("body", schema, 0).Select(b => ((string?)Json, (string?)b, "schema-shaped, hostile fields"))),
                (2, malformed), (2, wrongType), (2, wrongContentType), (1, empty), (1, invalidUtf8), (1, none));
        }

        return operation.SendsBody
            ? Gen.Frequency((3, none), (2, malformed), (1, wrongType), (2, wrongContentType), (3, multipart), (1, empty), (1, invalidUtf8))
            : Gen.Frequency((8, none), (1, malformed), (1, wrongContentType));
    }

    /// <summary>A JSON value for a schema: mostly plausible, often hostile for its type, sometimes missing or null.</summary>
    private static Gen<string> Value(string name, JsonElement schema, int depth)
    {
        var type = JsonSchemaFacts.Type(schema);
        if (type == "object" && depth < MaxDepth)
        {
            return Gen.Frequency((9, ShapedObject(schema, depth)), (1, Gen.OneOfConst(HostileValues.WrongJsonTypes)));
        }

        if (type == "array" && depth < MaxDepth)
        {
            var item = schema.TryGetProperty("items", out var items) ? items : default;
            return Gen.Frequency(
                (3, Value(name + "Item", item, depth + 1).Array[0, 3].Select(a => "[" + string.Join(',', a) + "]")),
                (1, Gen.Const(() => "[" + string.Join(',', Enumerable.Repeat(PlausibleValues.Json(name, item), 10_000)) + "]")),
                (1, Gen.OneOfConst("[null]", "{}", "\"" + HostileValues.Marker + "\"", "[[[[[]]]]]")));
        }

        return Gen.Frequency((5, Gen.Const(() => PlausibleValues.Json(name, schema))), (4, Hostile(type, JsonSchemaFacts.Format(schema))));
    }

    private static Gen<string> ShapedObject(JsonElement schema, int depth)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p.EnumerateObject().ToList() : [];
        var members = properties.Aggregate(
            Gen.Const(new List<string>()),
            (list, property) => list.SelectMany(l => Gen.Frequency(
                    (9, Value(property.Name, property.Value, depth + 1).Select(v => (string?)(JsonText.Quote(property.Name) + ":" + v))),
                    (1, Gen.Const((string?)null)),
                    (1, Gen.Const<string?>(JsonText.Quote(property.Name) + ":null")))
                .Select(member => member is null ? l : [.. l, member])));
        var extra = Gen.Frequency(
            (6, Gen.Const(new List<string>())),
            (1, Gen.Const(new List<string> { "\"unknownField\":\"" + HostileValues.Marker + "\"" })),
            (1, Gen.Const(properties.Count == 0 ? new List<string>() : [JsonText.Quote(properties[0].Name) + ":\"" + HostileValues.Marker + "\""])));
        return Gen.Select(members, extra, (m, e) => "{" + string.Join(',', m.Concat(e)) + "}");
    }

    private static Gen<string> Hostile(string type, string? format)
    {
        var strings = Gen.OneOfConst(HostileValues.Strings).Select(JsonText.Quote);
        return (type, format) switch
        {
            ("integer" or "number", _) => Gen.Frequency((4, Gen.OneOfConst(HostileValues.Numbers)), (1, strings)),
            ("boolean", _) => Gen.Frequency((4, Gen.OneOfConst(HostileValues.Booleans)), (1, strings)),
            ("enum", _) => Gen.Frequency((4, Gen.OneOfConst(HostileValues.EnumNames).Select(JsonText.Quote)), (1, Gen.OneOfConst(HostileValues.Numbers))),
            (_, "date" or "date-time") => Gen.Frequency((4, Gen.OneOfConst(HostileValues.Dates)), (1, strings)),
            _ => Gen.Frequency((6, strings), (1, Gen.OneOfConst(HostileValues.Numbers)), (1, Gen.OneOfConst("{}", "[]", "true"))),
        };
    }

    private static string Multipart(string value) =>
        "--fuzz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + value + "\r\n" +
        "--fuzz\r\nContent-Disposition: form-data; name=\"idFront\"; filename=\"../../" + HostileValues.Marker + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n" +
        "\u00FF\u00D8\u00FF" + value + "\r\n--fuzz";

    private static string Escape(string value)
    {
        try
        {
            return Uri.EscapeDataString(value);
        }
        catch (UriFormatException)
        {
            return "%ED%A0%80";
        }
    }
}
