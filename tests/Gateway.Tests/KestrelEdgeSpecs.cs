using System.Text.Json;
using Changxing.Contracts;
using Changxing.TestSupport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Gateway.Tests;

/// <summary>
/// Issue #17, 4: <c>/trains/%00</c> is refused by Kestrel before the gateway's middleware runs; over a real socket the
/// caller still gets a problem document, not an empty 400 (the in-process test server never sees such a request).
/// </summary>
public sealed class KestrelEdgeSpecs
{
    [Theory]
    [InlineData("/trains/%00")]
    [InlineData("/api/ticketing/trains/%00")]
    public async Task Should_answer_a_target_kestrel_refuses_with_a_400_problem_document(string target)
    {
        await using var gateway = new WebApplicationFactory<Program>();
        gateway.UseKestrel(0);
        gateway.StartServer();
        var address = new Uri(gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var (head, body) = await RawHttp.SendAsync(address, $"GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 400 ", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", head, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(ReasonCodes.InvalidRequest, problem.RootElement.GetProperty("reason").GetString());
    }
}
