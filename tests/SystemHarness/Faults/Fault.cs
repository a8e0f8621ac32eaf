namespace Changxing.SystemHarness.Faults;

/// <summary>One fault injected into a running system: it returns once the fault is over and the system is ready again.</summary>
public sealed record Fault(string Name, Func<SystemUnderTest, Task> InjectAsync)
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(120);

    /// <summary>kill -9 of one process, then the same build started again.</summary>
    public static Fault KillAndRestart(string service) =>
        new($"kill -9 {service}, restart", system => system.RestartAsync(service, kill: true));

    /// <summary>Every connection of the system's virtual host closed; clients reconnect at once.</summary>
    public static Fault DropBrokerConnections() =>
        new("drop the virtual host's RabbitMQ connections", async system =>
        {
            await BrokerFaults.DropConnectionsAsync(system.VirtualHost);
            await system.WaitUntilReadyAsync(Ready);
        });

    /// <summary>The system's virtual host refuses connections for a while (the broker stays up for everyone else).</summary>
    public static Fault RefuseBrokerConnections(TimeSpan duration) =>
        new($"RabbitMQ refuses the virtual host's connections for {duration.TotalSeconds:0} s", async system =>
        {
            await BrokerFaults.RefuseConnectionsAsync(system.VirtualHost, duration);
            await system.WaitUntilReadyAsync(Ready);
        });

    /// <summary>The whole RabbitMQ node stopped and started (every client on this machine sees it).</summary>
    public static Fault RestartBroker(TimeSpan down) =>
        new($"restart RabbitMQ ({down.TotalSeconds:0} s down)", async system =>
        {
            await BrokerFaults.RestartBrokerAsync(down);
            await system.WaitUntilReadyAsync(Ready);
        });

    /// <summary>The services' PostgreSQL databases refuse connections and lose their open ones for a while.</summary>
    public static Fault RefuseDatabaseConnections(TimeSpan duration) =>
        new($"PostgreSQL refuses the services' databases for {duration.TotalSeconds:0} s", async system =>
        {
            await DatabaseFaults.RefuseConnectionsAsync(SystemUnderTest.Services.Select(system.ConnectionString), duration);
            await system.WaitUntilReadyAsync(Ready);
        });

    /// <summary>The whole PostgreSQL server stopped for a while (every client on this machine sees it).</summary>
    public static Fault StopDatabaseServer(TimeSpan duration) =>
        new($"PostgreSQL server stopped for {duration.TotalSeconds:0} s", async system =>
        {
            await DatabaseFaults.StopServerAsync(duration);
            await system.WaitUntilReadyAsync(Ready);
        });
}
