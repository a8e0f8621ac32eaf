using Changxing.TestSupport;

namespace Changxing.SystemHarness.Faults;

/// <summary>
/// RabbitMQ going away under the system. The virtual-host faults touch only the system's own virtual host, so other
/// test runs on the same broker go on; <see cref="RestartBrokerAsync"/> restarts the whole broker node and belongs to
/// the fault command run by hand, never to a test that may run beside others.
/// </summary>
public static class BrokerFaults
{
    /// <summary>Closes every connection of the virtual host; clients reconnect at once.</summary>
    public static async Task DropConnectionsAsync(string virtualHost) =>
        await RabbitMqCtl.RunAsync("close_all_connections", "-p", virtualHost, "fault injected: connections dropped");

    /// <summary>
    /// An outage of one virtual host: its connections are closed and new ones refused (a connection limit of 0) for
    /// <paramref name="duration"/>, then allowed again.
    /// </summary>
    public static async Task RefuseConnectionsAsync(string virtualHost, TimeSpan duration)
    {
        await RabbitMqCtl.RunAsync("set_vhost_limits", "-p", virtualHost, """{"max-connections": 0}""");
        try
        {
            await DropConnectionsAsync(virtualHost);
            await Task.Delay(duration);
        }
        finally
        {
            await RabbitMqCtl.RunAsync("clear_vhost_limits", "-p", virtualHost);
        }
    }

    /// <summary>
    /// Waits until some message is queued for a process that is down (a working queue without consumers), then purges
    /// those queues and returns how many messages were lost: messages the broker lost after their senders' outboxes
    /// handed them over, which only the step deadlines can make up for. The queues of running processes are left
    /// alone, so what the drill checks of them (one notification per finished redemption) is not lost on purpose.
    /// </summary>
    public static async Task<long> LoseQueuedMessagesAsync(string virtualHost, TimeSpan waitForMessages)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var queued = await BrokerQueues.ReadyWithoutConsumersAsync(virtualHost);
        while (queued.Values.Sum() == 0 && watch.Elapsed < waitForMessages)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            queued = await BrokerQueues.ReadyWithoutConsumersAsync(virtualHost);
        }

        long lost = 0;
        foreach (var (queue, ready) in queued.Where(q => q.Value > 0))
        {
            await RabbitMqCtl.RunAsync("purge_queue", "-p", virtualHost, queue);
            lost += ready;
        }

        return lost;
    }

    /// <summary>Stops the broker node (every virtual host, every client), waits <paramref name="down"/>, starts it and waits until it is up.</summary>
    public static async Task RestartBrokerAsync(TimeSpan down)
    {
        await RabbitMqCtl.RunAsync("stop");
        await Task.Delay(down);
        var server = File.Exists("/usr/sbin/rabbitmq-server") ? "/usr/sbin/rabbitmq-server" : "rabbitmq-server";
        await ExternalCommand.RunAsync(server, "-detached");
        await Eventually.Until(async () =>
        {
            try
            {
                await RabbitMqCtl.RunAsync("await_startup");
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90), "RabbitMQ starts again");
        await RabbitMqVirtualHost.EnsureBrokerReachableAsync();
    }
}
