using System.Net.Sockets;

namespace Changxing.TestSupport;

/// <summary>
/// A throw-away RabbitMQ virtual host, so test runs never see each other's queues. Created and deleted with
/// <c>rabbitmqctl</c> (the test command runs as a user allowed to). Fails loudly when the broker is missing.
/// </summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private RabbitMqVirtualHost(string name) => Name = name;

    public string Name { get; }

    public static async Task<RabbitMqVirtualHost> CreateAsync(string prefix = "test")
    {
        await EnsureBrokerReachableAsync();
        var name = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];
        await RabbitMqCtl.RunAsync("add_vhost", name);
        await RabbitMqCtl.RunAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new RabbitMqVirtualHost(name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RabbitMqCtl.RunAsync("delete_vhost", Name);
        }
        catch (InvalidOperationException)
        {
            // Best effort: a broker restarted by a fault test may refuse for a moment.
        }
    }

    /// <summary>The names of the queues in a virtual host (the broker has no management plugin here: rabbitmqctl lists them).</summary>
    public static async Task<IReadOnlyList<string>> QueuesAsync(string virtualHost)
    {
        var listing = await RabbitMqCtl.RunAsync("list_queues", "-p", virtualHost, "name", "--no-table-headers");
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Each queue of a virtual host with its type (<c>classic</c>, <c>quorum</c>), as the broker declared it.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> QueueTypesAsync(string virtualHost)
    {
        var listing = await RabbitMqCtl.RunAsync("list_queues", "-p", virtualHost, "name", "type", "--no-table-headers");
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', StringSplitOptions.TrimEntries))
            .ToDictionary(columns => columns[0], columns => columns[^1], StringComparer.Ordinal);
    }

    public static async Task EnsureBrokerReachableAsync()
    {
        using var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(TestEnvironment.RabbitMqHost, 5672).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"RabbitMQ is required for this test but nothing listens on {TestEnvironment.RabbitMqHost}:5672. " +
                "Run scripts/test.sh, which installs and starts it.", e);
        }
    }
}
