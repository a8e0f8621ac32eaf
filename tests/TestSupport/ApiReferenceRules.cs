using System.Text.Json;

namespace Changxing.TestSupport;

/// <summary>
/// What the API reference (a service's <c>/openapi/v1.json</c>, merged by the gateway) must say about each operation,
/// so <c>/docs</c> is more than a list of paths: a summary; 401 when it needs a token and 403 when it needs a role;
/// and, when it takes parameters or a body (so a caller can get it wrong), at least one 4xx problem answer.
/// </summary>
public static class ApiReferenceRules
{
    public const string ServiceDocumentPath = "/openapi/v1.json";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public static async Task<JsonElement> ReadAsync<TProgram>(ServiceApiFactory<TProgram> factory)
        where TProgram : class
    {
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri(ServiceDocumentPath, UriKind.Relative)));
        return document.RootElement.Clone();
    }

    /// <summary>A path parameter (it may name nothing) or a typed query parameter; a free-text query cannot be wrong.</summary>
    private static bool CanBeWrong(JsonElement parameter) =>
        parameter.GetProperty("in").GetString() == "path"
        || !(parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("type", out var type) && type.ToString().Contains("string", StringComparison.Ordinal));

    public static IReadOnlyList<string> Violations(JsonElement document)
    {
        var violations = new List<string>();
        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                operations++;
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var answers = operation.Value.TryGetProperty("responses", out var responses)
                    ? responses.EnumerateObject().Select(r => r.Name).ToHashSet(StringComparer.Ordinal)
                    : [];
                if (!operation.Value.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                {
                    violations.Add($"{name} has no summary");
                }

                var needsToken = operation.Value.TryGetProperty("x-access", out var access) && access.GetString() == "token";
                if (needsToken && !answers.Contains("401"))
                {
                    violations.Add($"{name} needs a token but declares no 401");
                }

                if (operation.Value.TryGetProperty("x-roles", out var roles) && roles.GetArrayLength() > 0 && !answers.Contains("403"))
                {
                    violations.Add($"{name} needs a role but declares no 403");
                }

                var takesInput = operation.Value.TryGetProperty("requestBody", out _)
                    || (operation.Value.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(CanBeWrong));
                if (takesInput && !answers.Any(a => a.StartsWith('4') && a is not "401" and not "403"))
                {
                    violations.Add($"{name} takes input but declares no problem answer for it (400, 404, 409 or 422)");
                }
            }
        }

        return operations == 0 ? ["no /api operation in the document: the rules would prove nothing"] : violations;
    }
}
