using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Changxing.SystemHarness.Scenarios;

public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        var ok = expected.Length == 0 ? response.IsSuccessStatusCode : expected.Contains(response.StatusCode);
        Assert.True(ok, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> PostJsonAsync<T>(this HttpClient http, string path, T body, params HttpStatusCode[] expected)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        return await response.ReadJsonAsync(expected);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient http, string path, params HttpStatusCode[] expected)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        return await response.ReadJsonAsync(expected);
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
