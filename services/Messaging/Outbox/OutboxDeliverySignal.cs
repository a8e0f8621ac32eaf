using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// Hands the messages a commit stored straight to <see cref="OutboxDeliveryService{TDbContext}"/>, so they leave within
/// milliseconds of their transaction without being read back from the table. A context remembers the messages it
/// added (<see cref="Added"/>); its commit, or its save outside a transaction, hands over those it really stored to the
/// queue a delivery service has open (<see cref="Open"/>); a rollback forgets them. The table stays the record: what a crash or a full queue keeps from delivery is found there
/// by the recovery pass (<see cref="OutboxOptions.RecoverAfter"/>).
/// Hand-written: EF Core offers the interception points, MassTransit's delivery lives in the package we lack.
/// </summary>
public sealed class OutboxDeliverySignal : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly OutboxDeliverySignal Instance = new();

    private static readonly ConditionalWeakTable<DbContext, List<OutboxMessage>> Pending = [];

    // One queue per database (a test process may host several services), open while a delivery service reads it;
    // bounded: past this many waiting messages the newest wait in the table for the recovery pass instead.
    private static readonly Dictionary<string, HandOverQueue> Queues = new(StringComparer.Ordinal);

    /// <summary>
    /// Opens the hand-over queue of the database of <paramref name="connectionString"/> for a delivery service in this
    /// process, until <see cref="Close"/>. Commits made while no delivery service reads it are not queued: the table
    /// keeps them for a recovery pass, here or in another instance.
    /// </summary>
    public static ChannelReader<OutboxMessage> Open(string connectionString)
    {
        lock (Queues)
        {
            if (!Queues.TryGetValue(connectionString, out var queue))
            {
                queue = new HandOverQueue();
                Queues.Add(connectionString, queue);
            }

            queue.Readers++;
            return queue.Messages.Reader;
        }
    }

    /// <summary>Ends a delivery service's reading; the last reader's close stops the queuing, so what was not taken waits in the table.</summary>
    public static void Close(string connectionString)
    {
        lock (Queues)
        {
            if (Queues.TryGetValue(connectionString, out var queue) && --queue.Readers == 0)
            {
                Queues.Remove(connectionString);
                queue.Messages.Writer.TryComplete();
            }
        }
    }

    /// <summary>Notes that <paramref name="db"/> added <paramref name="message"/>; it is handed over once committed.</summary>
    public static void Added(DbContext db, OutboxMessage message)
    {
        var added = Pending.GetOrCreateValue(db);
        lock (added)
        {
            added.Add(message);
        }
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => HandOver(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        HandOver(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Saved(DbContext? db)
    {
        if (db is not null && db.Database.CurrentTransaction is null)
        {
            HandOver(db);
        }
    }

    private static void HandOver(DbContext? db)
    {
        if (db is null || !Pending.TryGetValue(db, out var added))
        {
            return;
        }

        lock (added)
        {
            if (added.Count == 0)
            {
                return;
            }

            // Only what this commit really stored: the insert gave it its sequence number. A save outside a transaction
            // commits EF's own transaction before the generated values reach the entities, so a message without one is
            // kept for the save's end (SavedChanges); one whose entry is gone (cleared before any save) is dropped.
            var queue = QueueOf(db.Database.GetConnectionString()!);
            added.RemoveAll(message =>
            {
                if (message.SequenceNumber > 0)
                {
                    queue?.Writer.TryWrite(message);
                    return true;
                }

                return db.Entry(message).State == EntityState.Detached;
            });
        }
    }

    private static Channel<OutboxMessage>? QueueOf(string connectionString)
    {
        lock (Queues)
        {
            return Queues.TryGetValue(connectionString, out var queue) ? queue.Messages : null;
        }
    }

    private static void Forget(DbContext? db)
    {
        if (db is not null && Pending.TryGetValue(db, out var added))
        {
            lock (added)
            {
                added.Clear();
            }
        }
    }

    private sealed class HandOverQueue
    {
        public Channel<OutboxMessage> Messages { get; } = Channel.CreateBounded<OutboxMessage>(
            new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

        public int Readers { get; set; }
    }
}
