using System.Text.Json;
using System.Text.Json.Nodes;

namespace Changxing.TestSupport.BadInput;

/// <summary>Reads an OpenAPI 3.x document into its operations, with every <c>$ref</c> in their schemas inlined.</summary>
public static class OpenApiOperations
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static IReadOnlyList<ApiOperation> Read(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s)
            ? s
            : default;
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var parameters = method.Value.TryGetProperty("parameters", out var p)
                    ? p.EnumerateArray().Select(x => new ApiParameter(
                        x.GetProperty("name").GetString()!,
                        x.GetProperty("in").GetString()!,
                        Inline(x.TryGetProperty("schema", out var schema) ? schema : default, schemas, 0),
                        x.TryGetProperty("required", out var required) && required.GetBoolean())).ToList()
                    : [];
                JsonElement? body = method.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json)
                    && json.TryGetProperty("schema", out var bodySchema)
                        ? Inline(bodySchema, schemas, 0)
                        : null;
                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, parameters, body));
            }
        }

        return operations;
    }

    /// <summary>The schema with its references replaced by the components they name (cut at a depth, for recursive types).</summary>
    private static JsonElement Inline(JsonElement schema, JsonElement components, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return schema;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            return depth > 6 || components.ValueKind != JsonValueKind.Object || !components.TryGetProperty(name, out var target)
                ? JsonSerializer.SerializeToElement(new { type = "object" })
                : Inline(target, components, depth + 1);
        }

        var node = JsonNode.Parse(schema.GetRawText())!.AsObject();
        foreach (var key in new[] { "items", "additionalProperties" })
        {
            if (schema.TryGetProperty(key, out var inner) && inner.ValueKind == JsonValueKind.Object)
            {
                node[key] = JsonNode.Parse(Inline(inner, components, depth + 1).GetRawText());
            }
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            var inlined = new JsonObject();
            foreach (var property in properties.EnumerateObject())
            {
                inlined[property.Name] = JsonNode.Parse(Inline(property.Value, components, depth + 1).GetRawText());
            }

            node["properties"] = inlined;
        }

        return JsonSerializer.SerializeToElement(node);
    }
}
