using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Changxing.Membership.Notifications;

/// <summary>
/// In-process fan-out of new notifications to the member's open server-sent-event streams. It reaches only the
/// streams connected to this instance: with several instances, a client on another one sees the message at its
/// next list call (a broker fan-out would be needed to push across instances).
/// </summary>
public sealed class NotificationStream
{
    private const int BufferPerSubscriber = 100;
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, Channel<NotificationView>>> _subscribers = new();

    public Subscription Subscribe(Guid memberId)
    {
        var channel = Channel.CreateBounded<NotificationView>(new BoundedChannelOptions(BufferPerSubscriber)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        var id = Guid.NewGuid();
        _subscribers.GetOrAdd(memberId, _ => new()).TryAdd(id, channel);
        return new Subscription(channel.Reader, () =>
        {
            if (_subscribers.TryGetValue(memberId, out var streams))
            {
                streams.TryRemove(id, out _);
            }

            channel.Writer.TryComplete();
        });
    }

    public void Push(Guid memberId, NotificationView notification)
    {
        if (_subscribers.TryGetValue(memberId, out var streams))
        {
            foreach (var channel in streams.Values)
            {
                channel.Writer.TryWrite(notification);
            }
        }
    }

    public int SubscriberCount(Guid memberId) => _subscribers.TryGetValue(memberId, out var streams) ? streams.Count : 0;

    public sealed class Subscription(ChannelReader<NotificationView> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<NotificationView> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
