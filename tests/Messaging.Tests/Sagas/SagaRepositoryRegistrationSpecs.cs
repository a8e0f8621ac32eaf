using Changxing.Messaging.Sagas;
using Changxing.TestSupport;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Tests.Sagas;

[Trait("Category", TestCategories.Database)]
public sealed class SagaRepositoryRegistrationSpecs
{
    // Measured (docs/PERFORMANCE.md, platform facts): the test harness can silently swap a saga's repository for the in-memory one.
    [Fact]
    public async Task Should_keep_sagas_in_the_database_not_in_the_in_memory_repository()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database);
        await using var scope = host.Services.CreateAsyncScope();

        var factory = scope.ServiceProvider.GetRequiredService<ISagaRepositoryContextFactory<CounterState>>();

        Assert.IsType<EntityFrameworkSagaRepositoryContextFactory<CounterState, SagaTestDbContext>>(factory);
    }
}
