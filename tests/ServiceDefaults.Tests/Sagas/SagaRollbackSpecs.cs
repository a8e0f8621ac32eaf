using Changxing.TestSupport;
using MassTransit;

namespace Changxing.ServiceDefaults.Tests.Sagas;

/// <summary>The saga's state change and the messages it publishes commit together, or not at all.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class SagaRollbackSpecs
{
    [Fact]
    public async Task Should_keep_the_stored_state_and_publish_nothing_when_an_activity_throws_after_changing_state()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database);
        var id = NewId.NextGuid();
        await host.Harness.Bus.Publish(new StartCounter(id, "doomed"));
        await Eventually.Until(async () => await host.FindAsync<CounterState>(id) is not null);

        // Fails on every attempt: the retries run out and the message faults.
        await host.Harness.Bus.Publish(new IncrementCounter(id, FailingAttempts: int.MaxValue));

        await Eventually.Until(() => Task.FromResult(host.Harness.Published.Select<Fault<IncrementCounter>>().Any()), because: "the message faulted");
        var saga = await host.FindAsync<CounterState>(id);
        Assert.Equal(0, saga!.Count);
        Assert.Equal("Counting", saga.CurrentState);
        Assert.Empty(host.Harness.Published.Select<CounterChanged>());
    }

    [Fact]
    public async Task Should_apply_the_retried_message_once_after_an_attempt_that_threw()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database);
        var id = NewId.NextGuid();
        await host.Harness.Bus.Publish(new StartCounter(id, "second-time-lucky"));
        await Eventually.Until(async () => await host.FindAsync<CounterState>(id) is not null);

        await host.Harness.Bus.Publish(new IncrementCounter(id, FailingAttempts: 2));

        var changes = await Eventually.Until(
            () => Task.FromResult(host.Harness.Published.Select<CounterChanged>().Select(m => m.Context.Message).ToList()),
            c => c.Count > 0,
            because: "the third attempt succeeded and its outbox was released");
        Assert.Equal([new CounterChanged(id, 1)], changes);
        Assert.Equal(1, (await host.FindAsync<CounterState>(id))!.Count);
        Assert.False(host.Harness.Published.Select<Fault<IncrementCounter>>().Any());
    }
}
