namespace Changxing.Messaging.Bus;

/// <summary>The RabbitMQ queue type of every receive endpoint (<c>Bus:QueueType</c>).</summary>
public enum BusQueueType
{
    /// <summary>RabbitMQ's classic queue: one node holds it. The default, and enough for a single broker.</summary>
    Classic,

    /// <summary>
    /// The replicated queue type a cluster needs: a majority of nodes holds every message, so losing one node loses no
    /// message and the queue goes on (docs/DEPLOYMENT.md). It works on a single node too.
    /// </summary>
    Quorum,
}
