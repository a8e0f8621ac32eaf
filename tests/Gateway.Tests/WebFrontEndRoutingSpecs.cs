using System.Net;

namespace Changxing.Gateway.Tests;

/// <summary>The web front end lives behind the same gateway: everything outside the API routes is its.</summary>
public sealed class WebFrontEndRoutingSpecs(GatewayFixture gateway) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("/", "web GET /")]
    [InlineData("/points?page=2", "web GET /points?page=2")]
    [InlineData("/_framework/blazor.web.js", "web GET /_framework/blazor.web.js")]
    [InlineData("/app.css", "web GET /app.css")]
    public async Task Should_forward_pages_and_assets_to_the_web_app(string path, string expected)
    {
        using var browser = gateway.Anonymous();

        var answer = await browser.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, answer);
    }

    [Fact]
    public async Task Should_forward_an_html_form_post_to_the_web_app_while_the_api_still_refuses_it()
    {
        using var browser = gateway.Anonymous();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Login"] = "13800000000" });

        using var page = await browser.PostAsync(new Uri("/signin", UriKind.Relative), form);
        using var api = await browser.PostAsync(new Uri("/api/membership/accounts/sign-in", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal("web POST /signin", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, api.StatusCode);
    }

    [Fact]
    public async Task Should_leave_the_web_app_out_of_the_merged_api_document()
    {
        using var client = gateway.Anonymous();

        var document = await client.GetStringAsync(new Uri("/openapi/changxing.json", UriKind.Relative));

        Assert.Contains("/api/points/things", document, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/web/", document, StringComparison.Ordinal);
        Assert.DoesNotContain("not available", document, StringComparison.OrdinalIgnoreCase);
    }
}
