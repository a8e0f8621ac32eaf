using Changxing.TestSupport;
using MassTransit;

namespace Changxing.Messaging.Tests.Sagas;

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

    [Fact]
    public async Task Should_roll_back_a_written_update_and_publish_nothing_when_the_commit_fails_then_apply_the_retry_once()
    {
        var commitFailure = new CommitFailureInjector();
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database, interceptor: commitFailure);
        var id = NewId.NextGuid();
        await host.Harness.Bus.Publish(new StartCounter(id, "commit-fails"));
        await Eventually.Until(async () => await host.FindAsync<CounterState>(id) is not null);
        commitFailure.FailFirstCommitOf(id);

        // The first attempt runs its UPDATE (Count 0 -> 1) and publishes CounterChanged into the outbox; then its commit fails.
        await host.Harness.Bus.Publish(new IncrementCounter(id));
        await commitFailure.RetryWaiting.WaitAsync(TimeSpan.FromSeconds(30));

        var stored = await host.FindAsync<CounterState>(id);
        Assert.Equal(0, stored!.Count);
        Assert.Empty(host.PublishedSoFar<CounterChanged>());

        commitFailure.ReleaseRetry();
        var changes = await Eventually.Until(
            () => Task.FromResult(host.PublishedSoFar<CounterChanged>()), c => c.Count > 0, because: "the retry committed and its outbox was released");
        Assert.Equal([new CounterChanged(id, 1)], changes);
        Assert.Equal(1, (await host.FindAsync<CounterState>(id))!.Count);
        Assert.Empty(host.PublishedSoFar<Fault<IncrementCounter>>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_leave_no_row_and_publish_nothing_when_the_commit_of_a_new_instance_fails_then_create_it_once(bool insertOnInitial)
    {
        var commitFailure = new CommitFailureInjector();
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database, interceptor: commitFailure);
        var id = NewId.NextGuid();
        commitFailure.FailFirstCommitOf(id);

        // The first attempt INSERTs the row (insert-on-initial: before the activities run) and queues a message; then its commit fails.
        await (insertOnInitial
            ? host.Harness.Bus.Publish(new StartCounterEagerly(id, "eager", CompleteAtOnce: true))
            : host.Harness.Bus.Publish(new StartCounter(id, "lazy", CompleteAtOnce: true)));
        await commitFailure.RetryWaiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Null(await host.FindAsync<CounterState>(id));
        Assert.Empty(host.PublishedSoFar<AdvanceCounter>());

        commitFailure.ReleaseRetry();
        var saga = await Eventually.Until(() => host.FindAsync<CounterState>(id), s => s?.CurrentState == "Completed", because: "the retry created the instance");
        Assert.Equal(1, saga!.Starts);
        Assert.Single(host.PublishedSoFar<AdvanceCounter>());
        Assert.Empty(host.PublishedSoFar<Fault<StartCounter>>());
        Assert.Empty(host.PublishedSoFar<Fault<StartCounterEagerly>>());
    }
}
