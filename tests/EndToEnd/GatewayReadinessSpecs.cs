using System.Net;
using Changxing.EndToEnd.Infrastructure;
using Changxing.SystemHarness;
using Changxing.TestSupport;
using Xunit.Abstractions;

namespace Changxing.EndToEnd;

public sealed class GatewayReadinessSpecs(SystemUnderTest system, ITestOutputHelper output) : EndToEndTest(system, output)
{
    [Fact]
    public Task Should_report_ready_when_every_service_is_ready() => Scenario(async () =>
    {
        using var http = System.CreateClient();
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"downstream\"", body, StringComparison.Ordinal);
    });

    [Fact]
    public Task Should_report_not_ready_while_a_service_is_down_and_recover_after_restart() => Scenario(async () =>
    {
        using var http = System.CreateClient();
        await System["Points"].StopAsync(kill: true);
        try
        {
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("points", body, StringComparison.Ordinal);

            using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            System["Points"].Start();
            await System.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        }
    });
}
