using System.Globalization;
using Changxing.TestSupport;

namespace Changxing.SystemHarness.Faults;

/// <summary>What sits in the queues of a virtual host, read with <c>rabbitmqctl list_queues</c>.</summary>
public static class BrokerQueues
{
    /// <summary>Ready messages per working queue (not those delivered to a live consumer and not yet acknowledged).</summary>
    public static async Task<Dictionary<string, long>> ReadyAsync(string virtualHost) =>
        (await CountAsync(virtualHost, "messages_ready"))
            .Where(q => IsWorking(q.Key))
            .ToDictionary();

    /// <summary>Ready messages per working queue that no process consumes: the queues of a service that is down.</summary>
    public static async Task<Dictionary<string, long>> ReadyWithoutConsumersAsync(string virtualHost)
    {
        var consumers = await CountAsync(virtualHost, "consumers");
        return (await ReadyAsync(virtualHost))
            .Where(q => consumers.GetValueOrDefault(q.Key) == 0)
            .ToDictionary();
    }

    private static bool IsWorking(string queue) =>
        !queue.EndsWith("_error", StringComparison.Ordinal) && !queue.EndsWith("_skipped", StringComparison.Ordinal);

    /// <summary>
    /// Messages that exhausted their retries, per non-empty <c>_error</c> queue (MassTransit moves them there): each
    /// is a message no consumer handled, which only a step deadline's re-send can make up for.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> ErrorsAsync(string virtualHost) =>
        (await CountAsync(virtualHost, "messages"))
            .Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal) && q.Value > 0)
            .ToDictionary();

    private static async Task<Dictionary<string, long>> CountAsync(string virtualHost, string column)
    {
        var listing = await RabbitMqCtl.RunAsync("list_queues", "-p", virtualHost, "--no-table-headers", "name", column);
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', ' ').Where(p => p.Length > 0).ToArray())
            .Where(p => p.Length == 2 && long.TryParse(p[1], CultureInfo.InvariantCulture, out _))
            .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
    }
}
