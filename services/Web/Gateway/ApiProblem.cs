using System.Text.Json;

namespace Changxing.Web.Gateway;

/// <summary>An RFC 9457 problem answered by the API: its <c>reason</c> code, words and the extensions pages show.</summary>
public sealed record ApiProblem(int Status, string? Reason, string? Title, string? Detail, IReadOnlyDictionary<string, JsonElement> Extensions)
{
    /// <summary>What to tell the user: the API's detail (it carries Chinese and English), else the title.</summary>
    public string Message => Detail ?? Title ?? $"请求失败 The request failed ({Status}).";

    public string? Extension(string name) =>
        Extensions.TryGetValue(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ToString() : null;

    public static ApiProblem Read(int status, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var extensions = root.EnumerateObject()
                .Where(p => p.Name is not ("type" or "title" or "status" or "detail" or "instance" or "reason"))
                .ToDictionary(p => p.Name, p => p.Value.Clone());
            return new ApiProblem(status, Text("reason"), Text("title"), Text("detail"), extensions);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, null, null, null, new Dictionary<string, JsonElement>());
        }
    }
}
