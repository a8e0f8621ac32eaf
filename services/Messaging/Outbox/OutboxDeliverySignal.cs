using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// Wakes <see cref="OutboxDeliveryService{TDbContext}"/> as soon as a commit has stored outbox rows, so a message
/// leaves within milliseconds of its transaction instead of at the next poll. A context that added rows is marked
/// (<see cref="MarkPending"/>); its commit, or its save outside a transaction, pulses the signal; a rollback
/// forgets the mark. A pulse is a hint: delivery always reads what is really pending.
/// Hand-written: EF Core offers the interception points, MassTransit's notification lives in the package we lack.
/// </summary>
public sealed class OutboxDeliverySignal : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly OutboxDeliverySignal Instance = new();

    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly object Mark = new();

    // Capacity one, the newest dropped: any number of commits before delivery wakes need one pass.
    private static readonly Channel<bool> Pulses = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Notes that <paramref name="db"/> holds unsaved outbox rows.</summary>
    public static void MarkPending(DbContext db) => Pending.AddOrUpdate(db, Mark);

    /// <summary>Waits until a commit stored outbox rows, or <paramref name="timeout"/> passes.</summary>
    public static async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await Pulses.Reader.WaitToReadAsync(timer.Token);
            Pulses.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }

    /// <summary>Wakes delivery now (a commit stored rows another way, or a test wants a pass).</summary>
    public static void Pulse() => Pulses.Writer.TryWrite(true);

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

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
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
            Committed(db);
        }
    }

    private static void Committed(DbContext? db)
    {
        if (db is not null && Pending.Remove(db))
        {
            Pulse();
        }
    }

    private static void Forget(DbContext? db)
    {
        if (db is not null)
        {
            Pending.Remove(db);
        }
    }
}
