using Changxing.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>Messages go through the bus with several concurrent consumers on the saga endpoint; the row lock must serialise them.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class SagaConcurrencySpecs
{
    [Fact]
    public async Task Should_apply_each_of_50_concurrent_events_for_one_saga_exactly_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database);
        var id = NewId.NextGuid();
        await host.Harness.Bus.Publish(new StartCounter(id, "fifty"));
        await Eventually.Until(async () => await host.FindAsync<CounterState>(id) is not null);

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => host.Harness.Bus.Publish(new IncrementCounter(id))));

        var saga = await Eventually.Until(() => host.FindAsync<CounterState>(id), s => s!.Count >= 50, because: "50 increments applied");
        Assert.Equal(50, saga!.Count);

        // Each increment saw the previous one's committed state: the published counts are 1..50, none twice.
        var counts = await Eventually.Until(
            () => Task.FromResult(host.Harness.Published.Select<CounterChanged>().Select(m => m.Context.Message.Count).ToList()),
            c => c.Count >= 50);
        Assert.Equal(Enumerable.Range(1, 50), counts.Order());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_leave_one_instance_when_two_initiating_events_for_one_correlation_id_race(bool insertOnInitial)
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database);
        var ids = Enumerable.Range(0, 20).Select(_ => NewId.NextGuid()).ToList();

        // Twenty pairs at once, so some pairs really are consumed side by side.
        await Task.WhenAll(ids.SelectMany(id => Enumerable.Range(0, 2).Select(_ => insertOnInitial
            ? host.Harness.Bus.Publish(new StartCounterEagerly(id, "eager"))
            : host.Harness.Bus.Publish(new StartCounter(id, "lazy")))));

        var sagas = await Eventually.Until(
            () => host.AllAsync<CounterState>(),
            all => all.Count == ids.Count && all.All(s => s.Starts == 2),
            because: "both initiating messages of every pair applied to one instance");
        Assert.Equal(ids.Order(), sagas.Select(s => s.CorrelationId).Order());
        Assert.False(host.Harness.Published.Select<Fault<StartCounter>>().Any());
        Assert.False(host.Harness.Published.Select<Fault<StartCounterEagerly>>().Any());
    }

    [Fact]
    public async Task Should_persist_1000_concurrently_started_sagas_and_bring_each_to_its_final_state()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database);
        var ids = Enumerable.Range(0, 1000).Select(_ => NewId.NextGuid()).ToList();

        await Task.WhenAll(ids.Select(id => host.Harness.Bus.Publish(new StartCounter(id, "bulk", CompleteAtOnce: true))));

        await Eventually.Until(
            () => host.QueryAsync(db => db.Set<CounterState>().CountAsync(s => s.CurrentState == "Completed")),
            completed => completed == ids.Count,
            timeout: TimeSpan.FromMinutes(2),
            because: "every saga reached Completed");
        var stored = await host.QueryAsync(db => db.Set<CounterState>().Select(s => s.CorrelationId).ToListAsync());
        Assert.Equal(ids.Order(), stored.Order());
    }
}
