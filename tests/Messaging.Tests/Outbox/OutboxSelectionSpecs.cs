using Changxing.Messaging.Bus;
using Changxing.Messaging.Data;
using Changxing.Messaging.Outbox;
using Changxing.Messaging.Tests.Sagas;
using Changxing.TestSupport;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Tests.Outbox;

/// <summary>The database outbox is what a deployed service runs; MassTransit's in-memory one only tests may choose.</summary>
public sealed class OutboxSelectionSpecs
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Should_refuse_the_in_memory_outbox_outside_development_and_tests(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Bus:Outbox"] = "InMemory";

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddServiceBus<SagaTestDbContext>(_ => { }));

        Assert.Contains("Bus:Outbox", refused.Message, StringComparison.Ordinal);
        Assert.Contains(environment, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_keep_messages_in_the_database_outbox_by_default()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.AddServiceBus<SagaTestDbContext>(_ => { });

        Assert.Contains(builder.Services, s => s.ServiceType == typeof(EntityFrameworkOutboxEndpoints));
        Assert.Contains(builder.Services, s => s.ImplementationType == typeof(OutboxDeliveryService<SagaTestDbContext>));
    }

    [Fact]
    public async Task Should_store_what_code_outside_a_consumer_publishes_with_its_next_save_in_the_outbox()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SagaTestHost.CreateSchemaAsync(database);
        var builder = SagaTestHost.ServiceApplication(database, "InMemory");
        builder.Configuration["Outbox:DeliveryEnabled"] = "false";
        builder.AddServiceBus<SagaTestDbContext>(_ => { });
        await using var app = builder.Build();

        // As an API endpoint does: publish, then save.
        var id = Guid.NewGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new CounterChanged(id, 1));
            await scope.ServiceProvider.GetRequiredService<SagaTestDbContext>().SaveChangesAsync();
        }

        await using var check = app.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<SagaTestDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
        var message = Assert.Single(stored);
        Assert.Contains(nameof(CounterChanged), message.MessageType, StringComparison.Ordinal);
        Assert.Contains(id.ToString(), message.Body, StringComparison.Ordinal);
        Assert.Null(message.Delivered);
    }

    [Theory]
    [InlineData("InMemory")]
    [InlineData("RabbitMq")]
    public async Task Should_hand_what_a_save_outside_a_transaction_stored_straight_to_delivery_without_waiting_for_recovery(string transport)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync("outbox");
        await SagaTestHost.CreateSchemaAsync(database);
        var builder = SagaTestHost.ServiceApplication(database, transport);
        builder.Configuration["RabbitMq:VirtualHost"] = virtualHost.Name;
        builder.Configuration["Outbox:RecoverAfter"] = "01:00:00";
        builder.AddServiceBus<SagaTestDbContext>(_ => { });
        await using var app = builder.Build();
        await app.StartAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new CounterChanged(Guid.NewGuid(), 1));
            await scope.ServiceProvider.GetRequiredService<SagaTestDbContext>().SaveChangesAsync();
        }

        // Recovery would wait an hour: only the hand-over can have sent it.
        await Eventually.Until(async () =>
        {
            await using var check = app.Services.CreateAsyncScope();
            return await check.ServiceProvider.GetRequiredService<SagaTestDbContext>().Set<OutboxMessage>().AsNoTracking().AnyAsync(m => m.Delivered != null);
        }, TimeSpan.FromSeconds(10), "the committed message was delivered");
        await app.StopAsync();
    }

    [Fact]
    public void Should_leave_the_database_outbox_out_when_a_test_chooses_the_in_memory_one()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["Bus:Outbox"] = "InMemory";
        builder.AddServiceBus<SagaTestDbContext>(_ => { });

        Assert.DoesNotContain(builder.Services, s => s.ServiceType == typeof(EntityFrameworkOutboxEndpoints));
    }
}
