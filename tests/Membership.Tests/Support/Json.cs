using System.Text.Json;
using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace Changxing.Membership.Tests.Support;

/// <summary>The service's JSON shape: web defaults with enums as strings.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Options);
}
