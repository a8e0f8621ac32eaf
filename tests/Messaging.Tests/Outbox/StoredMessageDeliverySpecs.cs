using Changxing.Messaging.Bus;
using Changxing.Messaging.Data;
using Changxing.Messaging.Outbox;
using Changxing.Messaging.Tests.Sagas;
using Changxing.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Tests.Outbox;

/// <summary>
/// What the outbox stored is what the consumer receives over RabbitMQ: the body byte for byte (envelope, send time and
/// all), the message id and content type in the AMQP properties as in the envelope, the conversation, and the sender's
/// header among the AMQP headers (a consumer that reads the transport's headers sees it too).
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class StoredMessageDeliverySpecs
{
    [Fact]
    public async Task Should_deliver_a_stored_message_with_the_body_ids_and_headers_it_was_stored_with()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync("outbox-body");
        await SagaTestHost.CreateSchemaAsync(database);
        var received = new TaskCompletionSource<ReceivedCopy>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = SagaTestHost.ServiceApplication(database, "RabbitMq");
        builder.Configuration["RabbitMq:VirtualHost"] = virtualHost.Name;
        builder.Services.AddSingleton(received);
        builder.AddServiceBus<SagaTestDbContext>(x => x.AddConsumer<CounterChangedCopier>());
        await using var app = builder.Build();
        await app.StartAsync();

        var id = Guid.NewGuid();
        var conversationId = NewId.NextGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(new CounterChanged(id, 7), context =>
            {
                context.ConversationId = conversationId;
                context.Headers.Set("X-Changxing-Test", "兑 stored");
            });
            await scope.ServiceProvider.GetRequiredService<SagaTestDbContext>().SaveChangesAsync();
        }

        var copy = await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await using var check = app.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<SagaTestDbContext>().Set<OutboxMessage>().AsNoTracking().SingleAsync();
        Assert.Equal(stored.Body, copy.Body);
        Assert.Equal(stored.MessageId, copy.MessageId);
        Assert.Equal(stored.MessageId.ToString(), copy.AmqpMessageId);
        Assert.Equal(stored.ContentType, copy.AmqpContentType);
        Assert.Equal(conversationId, copy.ConversationId);
        Assert.Equal("兑 stored", copy.TestHeader);
        Assert.Equal(new CounterChanged(id, 7), copy.Message);
        await app.StopAsync();
    }

    private sealed record ReceivedCopy(
        string Body, Guid? MessageId, string? AmqpMessageId, string? AmqpContentType, Guid? ConversationId, string? TestHeader, CounterChanged Message);

    private sealed class CounterChangedCopier(TaskCompletionSource<ReceivedCopy> received) : IConsumer<CounterChanged>
    {
        public Task Consume(ConsumeContext<CounterChanged> context)
        {
            var amqp = context.ReceiveContext.GetPayload<RabbitMqBasicConsumeContext>().Properties;
            received.TrySetResult(new ReceivedCopy(
                context.ReceiveContext.Body.GetString(),
                context.MessageId,
                amqp.MessageId,
                amqp.ContentType,
                context.ConversationId,
                context.ReceiveContext.TransportHeaders.Get<string>("X-Changxing-Test"),
                context.Message));
            return Task.CompletedTask;
        }
    }
}
