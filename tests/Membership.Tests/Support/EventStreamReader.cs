using System.Net.Http.Headers;
using Changxing.Membership.Notifications;
using Changxing.TestSupport;

namespace Changxing.Membership.Tests.Support;

/// <summary>A member's notification stream opened through the in-process server, read frame by frame (a frame ends at a blank line).</summary>
public sealed class EventStreamReader : IAsyncDisposable
{
    private readonly HttpMessageInvoker _invoker;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStreamReader(HttpMessageInvoker invoker, HttpResponseMessage response, StreamReader reader)
    {
        _invoker = invoker;
        _response = response;
        _reader = reader;
    }

    public string? MediaType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>Opens the stream and waits until the service has subscribed it and sent the opening comment.</summary>
    public static async Task<EventStreamReader> OpenAsync(MembershipApiFactory factory, MemberSession member, string? lastEventId = null)
    {
        var invoker = new HttpMessageInvoker(factory.Server.CreateHandler());
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(factory.Server.BaseAddress, "/api/membership/notifications/stream"));
        request.Headers.Authorization = member.Client.DefaultRequestHeaders.Authorization ?? throw new InvalidOperationException("Not signed in.");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await invoker.SendAsync(request, CancellationToken.None);
        var reader = new EventStreamReader(invoker, response, new StreamReader(await response.Content.ReadAsStreamAsync()));
        Assert.Equal(NotificationStreamResponse.Opening.TrimEnd('\n'), Assert.Single(await reader.ReadFrameAsync()));
        return reader;
    }

    /// <summary>The next frame's lines; fails if none comes within <paramref name="within"/> (default 10 s of real time).</summary>
    public async Task<IReadOnlyList<string>> ReadFrameAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(10));
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.Length == 0 && lines.Count > 0)
            {
                return lines;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }
    }

    /// <summary>The next frame after any comments (keep-alives), which must be a notification event: its id and its data line.</summary>
    public async Task<(string Id, string Data)> ReadNotificationAsync()
    {
        var frame = await ReadFrameAsync();
        while (frame.All(l => l.StartsWith(':')))
        {
            frame = await ReadFrameAsync();
        }

        return Notification(frame);
    }

    public static (string Id, string Data) Notification(IReadOnlyList<string> frame)
    {
        Assert.Contains("event: notification", frame);
        return (Field(frame, "id"), Field(frame, "data"));
    }

    private static string Field(IReadOnlyList<string> frame, string name) =>
        frame.Single(l => l.StartsWith(name + ": ", StringComparison.Ordinal))[(name.Length + 2)..];

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        _invoker.Dispose();
        await Task.CompletedTask;
    }
}
