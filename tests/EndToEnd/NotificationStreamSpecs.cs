using System.Net;
using Changxing.EndToEnd.Infrastructure;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Scenarios;
using Xunit.Abstractions;

namespace Changxing.EndToEnd;

/// <summary>The member's notification stream, opened through the gateway.</summary>
public sealed class NotificationStreamSpecs(SystemUnderTest system, ITestOutputHelper output) : EndToEndTest(system, output)
{
    [Fact]
    public Task Should_open_the_notification_stream_through_the_gateway_before_any_notification() => Scenario(async () =>
    {
        // Found by the bad-input fuzzer (issue #9): the gateway held the headers back until the first notification.
        using var member = await new Journeys(System).SignUpAsync(new DateOnly(1990, 5, 17));
        using var opened = new CancellationTokenSource(TimeSpan.FromSeconds(5));

        using var response = await member.Http.GetAsync(new Uri("/api/membership/notifications/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, opened.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    });
}
