using System.Collections.Concurrent;
using Changxing.Messaging.Bus;
using Changxing.TestSupport;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Tests.Bus;

/// <summary>
/// <c>Bus:QueueType</c> picks the RabbitMQ queue type of every receive endpoint: Quorum, the replicated type a cluster
/// needs, is declared on the real broker (a single node runs quorum queues too) and carries messages, error queue
/// included; a type RabbitMQ has no use for here stops the service at start-up, naming the key.
/// </summary>
public sealed class QueueTypeSpecs
{
    [Theory]
    [InlineData("Quorum", "quorum")]
    [InlineData("Classic", "classic")]
    public async Task Should_declare_every_receive_queue_with_the_configured_type(string queueType, string declared)
    {
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync("queue-type");
        await using var app = Build(virtualHost.Name, queueType);
        await app.StartAsync();
        var bus = app.Services.GetRequiredService<IBus>();
        var good = Guid.NewGuid();
        var bad = Guid.NewGuid();

        await bus.Publish(new QueueTypeProbe(good, Fail: false));
        await bus.Publish(new QueueTypeProbe(bad, Fail: true));

        await Eventually.Until(() => Task.FromResult(QueueTypeProbeConsumer.Handled.ContainsKey(good)), because: "the probe went through the queue");
        var types = await Eventually.Until(
            () => RabbitMqVirtualHost.QueueTypesAsync(virtualHost.Name),
            t => t.ContainsKey("queue-type-probe_error"),
            because: "the failing probe reached the error queue");
        Assert.Equal(declared, types["queue-type-probe"]);
        Assert.Equal(declared, types["queue-type-probe_error"]);
    }

    [Theory]
    [InlineData("Mirrored")]
    [InlineData("7")]
    public async Task Should_refuse_to_start_with_a_queue_type_that_is_neither_classic_nor_quorum(string queueType)
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = Build("/", queueType);
            await app.StartAsync();
        });

        Assert.Contains("Bus:QueueType", refused.Message, StringComparison.Ordinal);
    }

    private static WebApplication Build(string virtualHost, string queueType)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.Configuration["RabbitMq:Host"] = TestEnvironment.RabbitMqHost;
        builder.Configuration["RabbitMq:VirtualHost"] = virtualHost;
        builder.Configuration["Bus:QueueType"] = queueType;
        builder.AddServiceBus(x => x.AddConsumer<QueueTypeProbeConsumer>());

        // Publish only once the endpoint's queue is bound: a message published before then is dropped by the exchange.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        return builder.Build();
    }

    public sealed record QueueTypeProbe(Guid Id, bool Fail);

    public sealed class QueueTypeProbeConsumer : IConsumer<QueueTypeProbe>
    {
        public static readonly ConcurrentDictionary<Guid, bool> Handled = new();

        public Task Consume(ConsumeContext<QueueTypeProbe> context)
        {
            // A bad argument is not retried (BusRegistration), so the failing probe goes straight to the error queue.
            if (context.Message.Fail)
            {
                throw new ArgumentException("the probe asked to fail");
            }

            Handled[context.Message.Id] = true;
            return Task.CompletedTask;
        }
    }
}
