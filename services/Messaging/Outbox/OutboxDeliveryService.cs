using System.Threading.Channels;
using Changxing.Messaging.Data;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// Takes stored messages to the broker: each is sent with its original message id, headers and body, confirmed by the
/// broker (publisher confirms), and only then marked delivered. A crash between the confirm and the mark sends it
/// again later; the receiving consumer's inbox drops the copy. So: at least once to the broker, once into each
/// consumer's state. Two paths, one table:
/// <list type="bullet">
/// <item><b>Hand-over.</b> A commit in this process hands its messages over at once (<see cref="OutboxDeliverySignal"/>):
/// no read of the table, and everything waiting is sent and marked as one batch.</item>
/// <item><b>Recovery.</b> Every <see cref="OutboxOptions.QueryDelay"/> the table is read for pending messages older
/// than <see cref="OutboxOptions.RecoverAfter"/>: what a crashed process or a killed instance left (and anything the
/// hand-over missed). On PostgreSQL and SQL Server a batch is locked with its rows (<c>SKIP LOCKED</c> /
/// <c>READPAST</c>), so instances recover different messages; SQLite has one process per file.</item>
/// </list>
/// A restart does not wait for <see cref="OutboxOptions.RecoverAfter"/>: the first recovery pass sends everything
/// stored before this instance started (what its previous run left; on a server database it may also catch another
/// instance's message in the milliseconds of its hand-over, a copy the receiving inbox drops), and a graceful stop
/// first sends what is still queued for hand-over.
/// Messages are not ordered across a batch's sends, as consumers with concurrency above one never saw them in order.
/// </summary>
public sealed partial class OutboxDeliveryService<TDbContext>(
    IServiceScopeFactory scopes,
    IBusControl bus,
    DatabaseSettings database,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDeliveryService<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    // How long a graceful stop may spend sending what is queued for hand-over; the host's own shutdown timeout is 30 s.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly OutboxDeliveredMarks<TDbContext> _marks = new(scopes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DeliveryEnabled)
        {
            LogDeliveryDisabled(logger);
            return;
        }

        // Commits from here on are queued for hand-over; the start-up pass takes what was stored before.
        var committed = OutboxDeliverySignal.Open(database.ConnectionString);
        var startedAt = DateTime.UtcNow;
        try
        {
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
            await Task.WhenAll(
                HandOverLoopAsync(committed, settings, stoppingToken),
                MarkLoopAsync(settings, stoppingToken),
                RecoveryLoopAsync(settings, startedAt, stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            OutboxDeliverySignal.Close(database.ConnectionString);
        }

        await DrainAsync(committed, settings);
    }

    /// <summary>
    /// On a graceful stop, before the bus stops (it was registered first, so it stops last): what is queued for
    /// hand-over is sent, and everything sent is marked.
    /// </summary>
    private async Task DrainAsync(ChannelReader<OutboxMessage> committed, OutboxOptions settings)
    {
        using var deadline = new CancellationTokenSource(DrainTimeout);
        var batch = new List<OutboxMessage>(settings.QueryMessageLimit);
        try
        {
            while (TakeBatch(committed, batch, settings.QueryMessageLimit) > 0)
            {
                await DeliverAsync(batch, settings, deadline.Token);
            }

            await _marks.WriteQueuedAsync(deadline.Token);
        }
        catch (Exception e)
        {
            // What is left stays pending in the table; the next start-up sends it (again, for what was sent unmarked).
            LogDeliveryFailed(logger, e);
        }
    }

    private async Task HandOverLoopAsync(ChannelReader<OutboxMessage> committed, OutboxOptions settings, CancellationToken stoppingToken)
    {
        var batch = new List<OutboxMessage>(settings.QueryMessageLimit);
        while (await committed.WaitToReadAsync(stoppingToken))
        {
            TakeBatch(committed, batch, settings.QueryMessageLimit);
            try
            {
                await DeliverAsync(batch, settings, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The messages stay pending in the table; the recovery pass sends them.
                LogDeliveryFailed(logger, e);
            }
        }
    }

    /// <summary>Marks what the hand-over sent, at most <see cref="OutboxOptions.MarkDelay"/> after the first of them was confirmed.</summary>
    private async Task MarkLoopAsync(OutboxOptions settings, CancellationToken stoppingToken)
    {
        while (await _marks.WaitForQueuedAsync(stoppingToken))
        {
            await Task.Delay(settings.MarkDelay, stoppingToken);
            try
            {
                await _marks.WriteQueuedAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Left pending in the table: the recovery pass sends them again, and the receiving inbox drops the copies.
                LogDeliveryFailed(logger, e);
            }
        }
    }

    private static int TakeBatch(ChannelReader<OutboxMessage> committed, List<OutboxMessage> batch, int limit)
    {
        batch.Clear();
        while (batch.Count < limit && committed.TryRead(out var message))
        {
            batch.Add(message);
        }

        return batch.Count;
    }

    private async Task DeliverAsync(List<OutboxMessage> batch, OutboxOptions settings, CancellationToken cancellationToken)
    {
        var sent = await SendAsync(batch, cancellationToken);
        if (settings.MarkDelay == TimeSpan.Zero)
        {
            await _marks.WriteAsync(sent, cancellationToken);
            return;
        }

        _marks.Queue(sent);
    }

    private async Task RecoveryLoopAsync(OutboxOptions settings, DateTime startedAt, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.QueryDelay);
        var previousRun = startedAt;
        do
        {
            try
            {
                // The first pass also takes the previous run's messages, however young; later passes only the old.
                var storedBefore = DateTime.UtcNow - settings.RecoverAfter;
                if (previousRun > storedBefore)
                {
                    storedBefore = previousRun;
                }

                while (await RecoverBatchAsync(settings.QueryMessageLimit, storedBefore, stoppingToken) == settings.QueryMessageLimit)
                {
                }

                previousRun = DateTime.MinValue;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogDeliveryFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One recovery batch: pending messages stored before <paramref name="storedBefore"/> (UTC); returns how many were delivered.</summary>
    private async Task<int> RecoverBatchAsync(int limit, DateTime storedBefore, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        if (db.Database.GetDatabaseProvider() == DatabaseProvider.Sqlite)
        {
            // One process per file: nobody else delivers these rows, and the write lock is taken only for the mark.
            var pending = await OutboxTable.PendingAsync(db, storedBefore, limit, cancellationToken);
            if (pending.Count == 0)
            {
                return 0;
            }

            var sent = await SendAsync(pending, cancellationToken);
            await using var turn = await SqliteFileWriterGate.EnterAsync(db, cancellationToken);
            await OutboxTable.MarkDeliveredAsync(db, sent, cancellationToken);
            return sent.Count;
        }

        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            // The rows stay locked until the mark commits; another instance skips them and takes the next ones.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var pending = await OutboxTable.LockPendingAsync(db, storedBefore, limit, ct);
            var sent = pending.Count == 0 ? [] : await SendAsync(pending, ct);
            await OutboxTable.MarkDeliveredAsync(db, sent, ct);
            await transaction.CommitAsync(ct);
            return sent.Count;
        }, cancellationToken);
    }

    private async Task<List<long>> SendAsync(List<OutboxMessage> pending, CancellationToken cancellationToken)
    {
        // All sends start before any is awaited: their broker confirms overlap instead of adding up.
        var sends = new List<(OutboxMessage Message, Task Send)>(pending.Count);
        foreach (var message in pending)
        {
            message.Deserialize(SystemTextJsonMessageSerializer.Instance);
            if (message.DestinationAddress is null)
            {
                // Nothing can deliver it; marked so it does not block the ones behind it.
                LogNoDestination(logger, message.MessageId, message.MessageType);
                sends.Add((message, Task.CompletedTask));
                continue;
            }

            sends.Add((message, SendOneAsync(message, message.DestinationAddress, cancellationToken)));
        }

        var delivered = new List<long>(sends.Count);
        foreach (var (message, send) in sends)
        {
            try
            {
                await send;
                delivered.Add(message.SequenceNumber);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogSendFailed(logger, e, message.MessageId, message.MessageType);
            }
        }

        return delivered;
    }

    private async Task SendOneAsync(OutboxMessage message, Uri destination, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(SendTimeout);
        var endpoint = await bus.GetSendEndpoint(destination);
        await endpoint.Send(new SerializedMessageBody(), new StoredMessageSendPipe(message), timeout.Token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery is disabled on this instance (Outbox:DeliveryEnabled=false): stored messages wait for another instance")]
    private static partial void LogDeliveryDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox delivery failed; the messages stay stored and are tried again")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({MessageType}) could not be sent; it stays stored and is tried again")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid messageId, string messageType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({MessageType}) has no destination address and is marked delivered without being sent")]
    private static partial void LogNoDestination(ILogger logger, Guid messageId, string messageType);
}
