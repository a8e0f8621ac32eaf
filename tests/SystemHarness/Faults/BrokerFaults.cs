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
