using System.Data;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Changxing.Messaging.Data;
using MassTransit;
using MassTransit.DependencyInjection;
using MassTransit.Middleware;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// Consumes one message in one database transaction with its inbox entry and its outgoing messages:
/// <list type="number">
/// <item>begin (on SQLite behind the process's writer queue, <see cref="SqliteFileWriterGate"/>);</item>
/// <item>insert the message's inbox entry: a key violation means this consumer applied the message already, and it is
/// acknowledged and not applied again; a concurrent copy on another instance waits on the key;</item>
/// <item>run the consumer or saga on <see cref="DbContextOutboxConsumeContext{TMessage}"/>, which stores what it sends;</item>
/// <item>save and commit: the state change, the inbox entry and the outgoing messages together, or none of them.</item>
/// </list>
/// The commit wakes <see cref="OutboxDeliveryService{TDbContext}"/>, which takes the messages to the broker.
/// The saga repository, Points' member transactions and Ticketing's run locks join this transaction instead of
/// opening their own. Unlike MassTransit's package, whose filter spends a transaction on the inbox entry and one per
/// delivery pass, this one commits once per message: on SQLite every commit is an fsync.
/// </summary>
public sealed class EntityFrameworkOutboxConsumeFilter<TDbContext, TMessage>(IConsumeScopeProvider scopes, OutboxConsumeOptions options) : IFilter<ConsumeContext<TMessage>>
    where TDbContext : DbContext
    where TMessage : class
{
    private readonly string _consumer = options.ConsumerType;

    public void Probe(ProbeContext context)
    {
        var scope = context.CreateFilterScope("outbox");
        scope.Add("provider", "entityFrameworkCore");
        scope.Add("consumer", _consumer);
    }

    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId ?? throw new MessageException(typeof(TMessage), "A message consumed through the outbox needs a MessageId.");
        await using var scope = await scopes.GetScope(context);
        var db = scope.GetService<TDbContext>();
        var timer = Stopwatch.StartNew();

        // Run once, never replayed by a retrying execution strategy: a failure goes to the bus's retry, which starts
        // again on a fresh scope. The strategy is still entered, as the server providers require for a transaction.
        ExceptionDispatchInfo? failure = null;
        var applied = false;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            try
            {
                applied = await ConsumeOnceAsync(scope, db, messageId, next);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        });
        failure?.Throw();

        if (!applied)
        {
            // Already applied: tell the transport the message was consumed, or it would move it to the skipped queue.
            await context.NotifyConsumed(context, timer.Elapsed, _consumer);
        }
    }

    /// <returns>False when the inbox showed the message already applied.</returns>
    private async Task<bool> ConsumeOnceAsync(IConsumeScopeContext<TMessage> scope, TDbContext db, Guid messageId, IPipe<ConsumeContext<TMessage>> next)
    {
        var cancellationToken = scope.Context.CancellationToken;
        var sqlite = db.Database.GetDatabaseProvider() == DatabaseProvider.Sqlite;
        await using var turn = await SqliteFileWriterGate.EnterAsync(db, cancellationToken);

        // Microsoft.Data.Sqlite turns Serializable into BEGIN IMMEDIATE, the write lock taken before the first read.
        // On the servers read committed suffices: whatever must be exclusive is locked by row (RowLockStatement).
        await using var transaction = await db.Database.BeginTransactionAsync(sqlite ? IsolationLevel.Serializable : IsolationLevel.ReadCommitted, cancellationToken);
        using var savepoints = AutoSavepoints.Off(db);
        try
        {
            // The inbox entry is the transaction's first write: its key says whether this consumer applied the message
            // already (a copy on another instance waits here for the first to commit or roll back). One statement,
            // no read first: a duplicate is the rare case, and nothing else has happened in the transaction yet.
            var entry = db.Set<InboxState>().Add(new InboxState { MessageId = messageId, Consumer = _consumer, Received = DateTime.UtcNow });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (UniqueKeyViolation.Matches(e))
            {
                entry.State = EntityState.Detached;
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            var outboxContext = new DbContextOutboxConsumeContext<TMessage>(scope.Context, options, scope.GetService<IServiceProvider>(), db);
            using (scope.PushConsumeContext(outboxContext))
            {
                await next.Send(outboxContext);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch
        {
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (Exception)
            {
                // The connection may be gone; disposing the transaction rolls back what is left.
            }

            // Nothing the failed attempt tracked (state, inbox entry, outgoing messages) may leak into the next one.
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
