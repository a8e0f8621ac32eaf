namespace Changxing.Messaging.Bus;

/// <summary>Where a service keeps the messages it sends until the broker has them (<c>Bus:Outbox</c>).</summary>
public enum BusOutbox
{
    /// <summary>
    /// The service's own database, in the transaction of the change that produced them (services/Messaging/Outbox):
    /// nothing is lost between a commit and the broker. The default, and the only choice outside tests.
    /// </summary>
    Database,

    /// <summary>
    /// MassTransit's in-memory outbox: released after the consumer succeeded, lost if the process dies first. For the
    /// in-process API tests, whose test harness observes publishes as they happen (a message the database outbox
    /// delivers reaches the broker as a send to the publish exchange, which the harness does not list as published).
    /// </summary>
    InMemory,
}
