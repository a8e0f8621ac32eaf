using System.Text;
using Changxing.EndToEnd.Infrastructure;
using Changxing.SystemHarness;
using Changxing.SystemHarness.Scenarios;
using Changxing.TestSupport;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace Changxing.EndToEnd;

/// <summary>
/// Issue #9, messages: malformed and unknown messages put straight on the services' receive queues. Malformed ones
/// end in the queue's <c>_error</c> queue with MassTransit's fault headers saying why; a message of a type no consumer
/// of the queue knows ends in <c>_skipped</c> (MassTransit's dead letter for unknown types); and every service goes on
/// consuming: a whole redemption, through all three services' consumers, still completes afterwards.
/// </summary>
public sealed class MalformedMessageSpecs(SystemUnderTest system, ITestOutputHelper output) : EndToEndTest(system, output)
{
    /// <summary>One receive queue of each service, and a message of the type it consumes with its fields of the wrong types.</summary>
    private static readonly (string Queue, string MessageType, string WrongTypes)[] Targets =
    [
        ("member-activated", "urn:message:Changxing.Contracts.Membership:MemberActivated",
            "{\"memberId\":\"not-a-guid\",\"displayName\":42,\"birthDate\":\"1990-02-30\",\"activatedAt\":true}"),
        ("authorise-redemption", "urn:message:Changxing.Contracts.Membership:AuthoriseRedemption",
            "{\"redemptionId\":12,\"memberId\":[],\"beneficiaryId\":{},\"authorisationCode\":false}"),
        ("release-seat", "urn:message:Changxing.Contracts.Ticketing:ReleaseSeat",
            "{\"redemptionId\":\"x\",\"reason\":1e400}"),
    ];

    private readonly ITestOutputHelper _output = output;

    [Fact]
    public Task Should_send_malformed_messages_to_the_error_queue_with_the_reason_and_unknown_ones_to_skipped_and_keep_consuming() => Scenario(async () =>
    {
        var queues = await RabbitMqVirtualHost.QueuesAsync(System.VirtualHost);
        var factory = new ConnectionFactory { HostName = TestEnvironment.RabbitMqHost, VirtualHost = System.VirtualHost, UserName = "guest", Password = "guest" };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        var expectations = new List<(string Queue, string Marker, string Kind)>();
        foreach (var (queue, messageType, wrongTypes) in Targets)
        {
            Assert.True(queues.Contains(queue), $"no queue '{queue}' in the virtual host; it has: {string.Join(", ", queues)}");
            string NewMarker() => "poison-" + Guid.NewGuid().ToString("N");
            var (notJson, truncated, wrongTypesMarker, unknown) = (NewMarker(), NewMarker(), NewMarker(), NewMarker());
            (string Kind, string Body, string Destination)[] poison =
            [
                ("not JSON", $"this is not JSON {notJson}", "_error"),
                ("truncated JSON", Envelope(messageType, $"{{\"memberId\":\"{truncated}")[..^40], "_error"),
                ("known type, fields of the wrong types", Envelope(messageType, wrongTypes.Replace("{", $"{{\"poison\":\"{wrongTypesMarker}\",", StringComparison.Ordinal)), "_error"),
                ("unknown message type", Envelope("urn:message:Changxing.Fuzz:NoSuchMessage", $"{{\"poison\":\"{unknown}\"}}"), "_skipped"),
            ];
            foreach (var (kind, body, destination) in poison)
            {
                var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString(), Persistent = true };
                await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
                expectations.Add((queue + destination, Marker(body), kind));
            }
        }

        // Each poisoned message must arrive where it belongs, with the reason in the headers.
        var arrived = new Dictionary<string, IDictionary<string, object?>>();
        await Eventually.Until(async () =>
        {
            // MassTransit declares an _error or _skipped queue when it first moves a message there; getting from a
            // queue that does not exist yet would close the channel.
            var existing = await RabbitMqVirtualHost.QueuesAsync(System.VirtualHost);
            foreach (var queue in expectations.Select(e => e.Queue).Distinct().Where(existing.Contains))
            {
                while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
                {
                    var text = Encoding.UTF8.GetString(delivery.Body.Span);
                    foreach (var expected in expectations.Where(e => e.Queue == queue && text.Contains(e.Marker, StringComparison.Ordinal)))
                    {
                        arrived[expected.Marker] = delivery.BasicProperties.Headers ?? new Dictionary<string, object?>();
                    }
                }
            }

            return expectations.All(e => arrived.ContainsKey(e.Marker));
        }, TimeSpan.FromSeconds(90), "every poisoned message reaches its _error or _skipped queue");

        foreach (var (queue, marker, kind) in expectations)
        {
            var headers = arrived[marker];
            _output.WriteLine($"{queue} [{kind}]: {string.Join("; ", headers.Where(h => h.Key.StartsWith("MT-", StringComparison.Ordinal) && h.Key != "MT-Fault-StackTrace").Select(h => $"{h.Key}={Header(headers, h.Key)}"))}");
            if (queue.EndsWith("_error", StringComparison.Ordinal))
            {
                Assert.Equal("fault", Header(headers, "MT-Reason"));
                Assert.False(string.IsNullOrEmpty(Header(headers, "MT-Fault-Message")), $"{queue} [{kind}] carries no MT-Fault-Message");
                Assert.False(string.IsNullOrEmpty(Header(headers, "MT-Fault-ExceptionType")), $"{queue} [{kind}] carries no MT-Fault-ExceptionType");
            }
            else
            {
                Assert.Equal("dead-letter", Header(headers, "MT-Reason"));
            }
        }

        await RedemptionStillCompletesAsync();
    });

    /// <summary>Authorisation (Membership), points hold and capture (Points), seat and ticket (Ticketing): every consumer goes on.</summary>
    private async Task RedemptionStillCompletesAsync()
    {
        var journeys = new Journeys(System);
        var (train, date, price) = await journeys.FindRedeemableAsync();
        using var member = await journeys.SignUpAsync(new DateOnly(1950, 1, 15));
        await journeys.ActivateAsync(member);
        while ((await journeys.BalanceAsync(member)).GetProperty("available").GetInt64() < price)
        {
            await journeys.EarnAsync(member, 2_000m);
        }

        await journeys.SetConsumptionPasswordAsync(member);
        var id = await journeys.RedeemAsync(member, train, date, await journeys.AuthoriseAsync(member));
        var done = await journeys.WaitFinishedAsync(member, id);
        Assert.Equal("Completed", done.Str("state"));
    }

    /// <summary>A MassTransit JSON envelope around <paramref name="message"/>.</summary>
    private static string Envelope(string messageType, string message) =>
        $"{{\"messageId\":\"{Guid.NewGuid()}\",\"messageType\":[\"{messageType}\"],\"message\":{message},\"sentTime\":\"2026-03-01T00:00:00Z\",\"headers\":{{}}}}";

    private static string Marker(string body) => body[body.IndexOf("poison-", StringComparison.Ordinal)..][..39];

    private static string? Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? Text(value) : null;

    private static string? Text(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        null => null,
        _ => value.ToString(),
    };
}
