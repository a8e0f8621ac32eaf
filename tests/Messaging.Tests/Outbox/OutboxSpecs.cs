using Changxing.Messaging.Outbox;
using Changxing.Messaging.Tests.Sagas;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Tests.Outbox;

/// <summary>
/// The database outbox and inbox under the test saga, on a real database (SQLite, and PostgreSQL in the test command's
/// second pass): what a transition publishes is stored with its state and survives a host that stops before sending
/// it; a message delivered twice is applied once; a rolled-back transition stores nothing.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class OutboxSpecs
{
    private static readonly Dictionary<string, string?> Delivering = new() { ["QueryDelay"] = "00:00:00.100" };
    private static readonly Dictionary<string, string?> NotDelivering = new() { ["DeliveryEnabled"] = "false" };

    // The regular recovery pass would wait an hour: what the restarted host sends, its start-up pass sent.
    private static readonly Dictionary<string, string?> RecoveringOnlyAtStartUp = new() { ["QueryDelay"] = "00:00:00.100", ["RecoverAfter"] = "01:00:00" };

    [Fact]
    public async Task Should_deliver_after_a_restart_the_outbox_message_a_host_committed_and_never_sent()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        var id = NewId.NextGuid();

        // The first host commits the transition, and with it CounterChanged, but never sends it: it stops as a crashed
        // process would, with the message only in the table. (Its own task: MassTransit keeps a log context per async
        // flow, and the restarted host must not inherit the stopped one's.)
        await Task.Run(async () =>
        {
            await using var crashing = await SagaTestHost.StartAsync(database, outbox: NotDelivering);
            await crashing.Harness.Bus.Publish(new StartCounter(id, "crash"));
            await Eventually.Until(async () => await crashing.FindAsync<CounterState>(id) is not null);
            await crashing.Harness.Bus.Publish(new IncrementCounter(id));
            await Eventually.Until(async () => (await crashing.FindAsync<CounterState>(id))!.Count == 1);

            var stored = await PendingAsync(crashing, nameof(CounterChanged));
            Assert.Single(stored);
            Assert.False(crashing.Harness.Sent.Select(m => m.Context.MessageId == stored[0].MessageId, new CancellationToken(canceled: true)).Any(),
                "the first host sent the message");
        });

        await using var restarted = await SagaTestHost.StartAsync(database, outbox: RecoveringOnlyAtStartUp);
        var message = (await restarted.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.MessageType.Contains(nameof(CounterChanged)))));
        await Eventually.Until(
            () => Task.FromResult(restarted.Harness.Sent.Select(m => m.Context.MessageId == message.MessageId, new CancellationToken(canceled: true)).Any()),
            because: "the restarted host sent the stored CounterChanged at start-up, not after Outbox:RecoverAfter");
        await Eventually.Until(async () => (await PendingAsync(restarted, nameof(CounterChanged))).Count == 0, because: "the message is marked delivered");
        Assert.Equal(1, (await restarted.FindAsync<CounterState>(id))!.Count);
    }

    [Fact]
    public async Task Should_apply_once_a_message_the_outbox_inbox_receives_twice()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database, outbox: Delivering);
        var id = NewId.NextGuid();
        await host.Harness.Bus.Publish(new StartCounter(id, "twice"));
        await Eventually.Until(async () => await host.FindAsync<CounterState>(id) is not null);

        // The same message twice, as a broker redelivers it when the first acknowledgement was lost.
        var messageId = NewId.NextGuid();
        await host.Harness.Bus.Publish(new IncrementCounter(id), context => context.MessageId = messageId);
        await host.Harness.Bus.Publish(new IncrementCounter(id), context => context.MessageId = messageId);

        // The harness lists a message id once, so the second copy is waited for as the bus going quiet.
        await host.Harness.InactivityTask;
        Assert.Equal(1, (await host.FindAsync<CounterState>(id))!.Count);
        Assert.Single(await host.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.Contains(nameof(CounterChanged))).ToListAsync()));
        Assert.Single(await host.QueryAsync(db => db.Set<InboxState>().AsNoTracking().Where(i => i.MessageId == messageId).ToListAsync()));
    }

    [Fact]
    public async Task Should_store_no_outbox_message_when_the_transition_rolls_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database, outbox: Delivering);
        var id = NewId.NextGuid();
        await host.Harness.Bus.Publish(new StartCounter(id, "doomed"));
        await Eventually.Until(async () => await host.FindAsync<CounterState>(id) is not null);

        // Publishes CounterChanged, then throws on every attempt: the retries run out and the message faults.
        var messageId = NewId.NextGuid();
        await host.Harness.Bus.Publish(new IncrementCounter(id, FailingAttempts: int.MaxValue), context => context.MessageId = messageId);

        await Eventually.Until(() => Task.FromResult(host.Harness.Published.Select<Fault<IncrementCounter>>().Any()), because: "the message faulted");
        Assert.Equal(0, (await host.FindAsync<CounterState>(id))!.Count);
        Assert.Empty(await host.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.Contains(nameof(CounterChanged))).ToListAsync()));
        Assert.Empty(await host.QueryAsync(db => db.Set<InboxState>().AsNoTracking().Where(i => i.MessageId == messageId).ToListAsync()));
    }

    private static Task<List<OutboxMessage>> PendingAsync(SagaTestHost host, string messageType) =>
        host.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Delivered == null && m.MessageType.Contains(messageType)).ToListAsync());
}
