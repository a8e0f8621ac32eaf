namespace Changxing.SystemHarness.Faults;

/// <summary>
/// One fault injected into a running system: it returns once the fault is over and the system is ready again, with
/// what it observed worth reporting (e.g. how many messages were lost), or null.
/// </summary>
public sealed record Fault(string Name, Func<SystemUnderTest, Task<string?>> InjectAsync)
{
    private static readonly TimeSpan Ready = TimeSpan.FromSeconds(120);

    /// <summary>kill -9 of one process, then the same build started again.</summary>
    public static Fault KillAndRestart(string service) =>
        new($"kill -9 {service}, restart", async system =>
        {
            await system.RestartAsync(service, kill: true);
            return null;
        });

    /// <summary>
    /// kill -9 of one process of a service that runs several (<see cref="SystemUnderTest.InstanceName"/>), left down: the
    /// other instances carry on (the gateway's health check takes the dead one out, RabbitMQ redelivers what it had not
    /// acknowledged). Returns once the rest of the system is ready.
    /// </summary>
    public static Fault KillInstance(string process) =>
        new($"kill -9 {process}, left down", async system =>
        {
            await system[process].StopAsync(kill: true);
            await system.WaitUntilReadyAsync(Ready);
            return null;
        });

    /// <summary>
    /// kill -9 of one process; once a message is queued for it, every message queued for it is lost; then the
    /// process starts again. Messages lost in the broker: the transactional outbox stored them and handed them over, so
    /// only the step deadlines can recover them.
    /// </summary>
    public static Fault KillLosingQueuedMessages(string service) =>
        new($"kill -9 {service}, lose every queued message, restart", async system =>
        {
            await system[service].StopAsync(kill: true);
            var lost = await BrokerFaults.LoseQueuedMessagesAsync(system.VirtualHost, TimeSpan.FromSeconds(15));
            system[service].Start();
            await system.WaitUntilReadyAsync(Ready);
            return $"{lost} queued messages lost";
        });

    /// <summary>Every connection of the system's virtual host closed; clients reconnect at once.</summary>
    public static Fault DropBrokerConnections() =>
        new("drop the virtual host's RabbitMQ connections", async system =>
        {
            await BrokerFaults.DropConnectionsAsync(system.VirtualHost);
            await system.WaitUntilReadyAsync(Ready);
            return null;
        });

    /// <summary>The system's virtual host refuses connections for a while (the broker stays up for everyone else).</summary>
    public static Fault RefuseBrokerConnections(TimeSpan duration) =>
        new($"RabbitMQ refuses the virtual host's connections for {duration.TotalSeconds:0} s", async system =>
        {
            await BrokerFaults.RefuseConnectionsAsync(system.VirtualHost, duration);
            await system.WaitUntilReadyAsync(Ready);
            return null;
        });

    /// <summary>The whole RabbitMQ node stopped and started (every client on this machine sees it).</summary>
    public static Fault RestartBroker(TimeSpan down) =>
        new($"restart RabbitMQ ({down.TotalSeconds:0} s down)", async system =>
        {
            await BrokerFaults.RestartBrokerAsync(down);
            await system.WaitUntilReadyAsync(Ready);
            return null;
        });

    /// <summary>The services' PostgreSQL databases refuse connections and lose their open ones for a while.</summary>
    public static Fault RefuseDatabaseConnections(TimeSpan duration) =>
        new($"PostgreSQL refuses the services' databases for {duration.TotalSeconds:0} s", async system =>
        {
            await DatabaseFaults.RefuseConnectionsAsync(SystemUnderTest.Services.Select(system.ConnectionString), duration);
            await system.WaitUntilReadyAsync(Ready);
            return null;
        });

    /// <summary>The whole PostgreSQL server stopped for a while (every client on this machine sees it).</summary>
    public static Fault StopDatabaseServer(TimeSpan duration) =>
        new($"PostgreSQL server stopped for {duration.TotalSeconds:0} s", async system =>
        {
            await DatabaseFaults.StopServerAsync(duration);
            await system.WaitUntilReadyAsync(Ready);
            return null;
        });
}
