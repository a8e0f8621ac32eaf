using System.Threading.Channels;
using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// The delivered marks of what <see cref="OutboxDeliveryService{TDbContext}"/>'s hand-over sent: queued as the broker
/// confirms each message and written together (<see cref="OutboxOptions.MarkDelay"/>), one statement per
/// <see cref="MarksPerStatement"/> sequence numbers, so the marks of many commits share one write (on SQLite one
/// commit and one <c>fsync</c>). A mark lost in a crash only leaves its message pending: the recovery pass sends it
/// again, and the receiving inbox drops the copy.
/// </summary>
internal sealed class OutboxDeliveredMarks<TDbContext>(IServiceScopeFactory scopes)
    where TDbContext : DbContext
{
    // One parameter per statement: EF Core sends the list as JSON or an array.
    private const int MarksPerStatement = 1_000;

    private readonly Channel<long> _queued = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the marks of messages the broker confirmed.</summary>
    public void Queue(IEnumerable<long> sent)
    {
        foreach (var sequenceNumber in sent)
        {
            _queued.Writer.TryWrite(sequenceNumber);
        }
    }

    /// <summary>Until a mark is queued; false once the queue is closed.</summary>
    public ValueTask<bool> WaitForQueuedAsync(CancellationToken cancellationToken) => _queued.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>Writes every queued mark.</summary>
    public async Task WriteQueuedAsync(CancellationToken cancellationToken)
    {
        var sent = new List<long>(MarksPerStatement);
        while (_queued.Reader.TryPeek(out _))
        {
            sent.Clear();
            while (sent.Count < MarksPerStatement && _queued.Reader.TryRead(out var sequenceNumber))
            {
                sent.Add(sequenceNumber);
            }

            await WriteAsync(sent, cancellationToken);
        }
    }

    /// <summary>Writes these marks now, in a context and transaction of their own.</summary>
    public async Task WriteAsync(List<long> sent, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var turn = await SqliteFileWriterGate.EnterAsync(db, cancellationToken);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(ct => OutboxTable.MarkDeliveredAsync(db, sent, ct), cancellationToken);
    }
}
