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

    [Fact]
    public Task Should_deliver_a_notification_through_the_gateway_as_it_arrives() => Scenario(async () =>
    {
        var journeys = new Journeys(System);
        using var member = await journeys.SignUpAsync(new DateOnly(1986, 6, 6));
        await journeys.ActivateAsync(member);
        await journeys.SetConsumptionPasswordAsync(member);
        using var within = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await member.Http.GetAsync(new Uri("/api/membership/notifications/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, within.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(within.Token));
        Assert.Equal(": open", await reader.ReadLineAsync(within.Token));

        // Three wrong consumption passwords in a row open a support ticket (客服工单); its message comes down the open stream.
        for (var i = 0; i < 3; i++)
        {
            using var refused = await journeys.AuthoriseWithAsync(member, "000111");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var lines = new List<string>();
        while (!lines.Any(l => l.StartsWith("data:", StringComparison.Ordinal) && l.Contains("SupportTicketOpened", StringComparison.Ordinal)))
        {
            lines.Add(await reader.ReadLineAsync(within.Token) ?? throw new InvalidOperationException("The stream ended."));
        }

        var number = (await member.Http.GetJsonAsync("/api/membership/support-tickets"))[0].Str("number");
        Assert.Equal("event: notification", lines[^2]);
        Assert.Contains(number, lines[^1], StringComparison.Ordinal);
    });
}
