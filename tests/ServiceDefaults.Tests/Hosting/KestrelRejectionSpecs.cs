using System.Text.Json;
using Changxing.Contracts;
using Changxing.ServiceDefaults.Hosting;
using Changxing.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Changxing.ServiceDefaults.Tests.Hosting;

/// <summary>
/// Issue #17, 4: what Kestrel refuses before any middleware runs (<c>/trains/%00</c>, %00 and other encoded control characters in the target) is
/// answered as a problem document, over a real socket and real Kestrel, as every service and the gateway run it.
/// </summary>
public sealed class KestrelRejectionSpecs : IAsyncLifetime
{
    private WebApplication _app = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        _app = builder.Build();
        _app.MapServiceDefaults();
        _app.MapGet("/trains/{number}", (string number) => number).AllowAnonymous();
        await _app.StartAsync();
        _address = new Uri(_app.Urls.Single());
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/trains/%00", 400)]
    [InlineData("/trains/%00%07", 400)]
    public async Task Should_answer_a_request_target_kestrel_refuses_with_a_problem_document(string target, int status)
    {
        var (head, body) = await RawHttp.SendAsync(_address, $"GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(ReasonCodes.InvalidRequest, problem.RootElement.GetProperty("reason").GetString());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Should_pass_the_application_s_answers_through_unchanged_on_a_kept_alive_connection()
    {
        var (head, body) = await RawHttp.SendAsync(_address, "GET /trains/G1 HTTP/1.1\r\nHost: localhost\r\n\r\nGET /trains/G2 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 ", head, StringComparison.Ordinal);
        Assert.Contains("G1", body, StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 200 ", body, StringComparison.Ordinal); // the second answer, on the same connection
        Assert.Contains("G2", body, StringComparison.Ordinal);
    }
}
