using Changxing.TestSupport;
using MassTransit;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>Inspection: a service lists and loads its saga instances through MassTransit's query and load repositories.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class SagaQuerySpecs
{
    [Fact]
    public async Task Should_list_instances_by_state_and_by_a_property()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database);
        var beijing = NewId.NextGuid();
        var shanghai = NewId.NextGuid();
        var jinan = NewId.NextGuid();
        await host.Harness.Bus.Publish(new StartCounter(beijing, "beijing", CompleteAtOnce: true));
        await host.Harness.Bus.Publish(new StartCounter(shanghai, "shanghai", CompleteAtOnce: true));
        await host.Harness.Bus.Publish(new StartCounter(jinan, "jinan"));
        await Eventually.Until(
            () => host.AllAsync<CounterState>(),
            all => all.Count(s => s.CurrentState == "Completed") == 2 && all.Any(s => s.CurrentState == "Counting"));
        var sagas = host.Services.GetRequiredService<IQuerySagaRepository<CounterState>>();

        var completed = await sagas.Find(new SagaQuery<CounterState>(s => s.CurrentState == "Completed"));
        var inJinan = await sagas.Find(new SagaQuery<CounterState>(s => s.Label == "jinan"));

        Assert.Equal(new[] { beijing, shanghai }.Order(), completed.Order());
        Assert.Equal([jinan], inJinan);
    }

    [Fact]
    public async Task Should_load_one_instance_by_its_correlation_id_and_nothing_for_an_unknown_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database);
        var id = NewId.NextGuid();
        await host.Harness.Bus.Publish(new StartCounter(id, "qingdao"));
        await Eventually.Until(async () => await host.FindAsync<CounterState>(id) is not null);
        var sagas = host.Services.GetRequiredService<ILoadSagaRepository<CounterState>>();

        var loaded = await sagas.Load(id);
        var unknown = await sagas.Load(NewId.NextGuid());

        Assert.Equal("qingdao", loaded.Label);
        Assert.Equal("Counting", loaded.CurrentState);
        Assert.Null(unknown);
    }
}
