using System.Text.Json;

namespace Changxing.Gateway.Tests;

/// <summary>The gateway's own <c>/openapi/v1.json</c>, where every service serves its document, is the merged one, not an empty document.</summary>
public sealed class ApiDocumentSpecs(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Should_serve_the_merged_api_document_at_the_gateways_own_openapi_path()
    {
        using var client = gateway.Anonymous();

        using var own = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        using var merged = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/changxing.json", UriKind.Relative)));

        var paths = own.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["/api/membership/things", "/api/points/things", "/api/ticketing/things"], paths);
        Assert.Equal(merged.RootElement.GetProperty("info").GetProperty("title").GetString(), own.RootElement.GetProperty("info").GetProperty("title").GetString());
    }
}
