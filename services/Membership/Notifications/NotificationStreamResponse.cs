using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace Changxing.Membership.Notifications;

/// <summary>
/// Writes one member's text/event-stream: an opening comment, the messages missed since <c>Last-Event-ID</c>, then each
/// new message as it arrives, with a <c>: keep-alive</c> comment whenever the heartbeat interval passes. Proxies cut
/// a response that stays silent (the gateway after 30 s), so an idle stream must still send something.
/// Written by hand rather than with System.Net.ServerSentEvents' SseFormatter: its items cannot carry comment lines,
/// and the opening and keep-alive frames must be comments so that clients see no event.
/// </summary>
public sealed class NotificationStreamResponse(HttpResponse response, TimeSpan heartbeat, TimeProvider clock, JsonSerializerOptions json)
{
    public const string Opening = ": open\n\n";
    public const string KeepAlive = ": keep-alive\n\n";

    public async Task WriteAsync(IReadOnlyList<NotificationView> missed, ChannelReader<NotificationView> live, CancellationToken cancellationToken)
    {
        // Each timer is armed before the frame that precedes it is written: a client that has read a frame knows the
        // next heartbeat is already counting, on whatever clock the service runs.
        var nextHeartbeat = Task.Delay(heartbeat, clock, cancellationToken);
        await response.WriteAsync(Opening, cancellationToken);
        foreach (var notification in missed)
        {
            await WriteEventAsync(notification, cancellationToken);
        }

        await response.Body.FlushAsync(cancellationToken);

        // The subscription opened before the missed ones were read, so a message stored in between can come twice.
        var replayed = missed.Select(n => n.Id).ToHashSet();
        var arrival = live.WaitToReadAsync(cancellationToken).AsTask();
        while (true)
        {
            if (await Task.WhenAny(arrival, nextHeartbeat) == nextHeartbeat)
            {
                await nextHeartbeat;
                nextHeartbeat = Task.Delay(heartbeat, clock, cancellationToken);
                await response.WriteAsync(KeepAlive, cancellationToken);
            }
            else
            {
                if (!await arrival)
                {
                    return;
                }

                while (live.TryRead(out var notification))
                {
                    if (!replayed.Contains(notification.Id))
                    {
                        await WriteEventAsync(notification, cancellationToken);
                    }
                }

                arrival = live.WaitToReadAsync(cancellationToken).AsTask();
            }

            await response.Body.FlushAsync(cancellationToken);
        }
    }

    /// <summary>One <c>notification</c> event; the JSON is written on one line (never indented), so one <c>data:</c> line holds it.</summary>
    private Task WriteEventAsync(NotificationView notification, CancellationToken cancellationToken)
    {
        var frame = new StringBuilder()
            .Append("id: ").Append(notification.Id).Append('\n')
            .Append("event: notification\n")
            .Append("data: ").Append(JsonSerializer.Serialize(notification, json)).Append("\n\n");
        return response.WriteAsync(frame.ToString(), cancellationToken);
    }
}
