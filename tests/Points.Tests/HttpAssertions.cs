using System.Net;
using System.Text.Json;

namespace Changxing.Points.Tests;

internal static class HttpAssertions
{
    /// <summary>Asserts the status and returns the problem details' <c>reason</c>.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        var problem = document.RootElement.Clone();
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        return problem;
    }
}
