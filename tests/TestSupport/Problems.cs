using System.Net;
using Xunit;

namespace Changxing.TestSupport;

/// <summary>Asserts an RFC 9457 answer: status and the <c>reason</c> a client acts on.</summary>
public static class Problems
{
    public static async Task<System.Text.Json.JsonElement> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status} but got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal(reason, json.GetProperty("reason").GetString());
        return json;
    }
}
