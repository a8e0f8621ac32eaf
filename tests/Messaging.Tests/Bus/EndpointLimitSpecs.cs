using Changxing.Messaging.Bus;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Changxing.Messaging.Tests.Bus;

/// <summary>Prefetch, concurrency and retry limits: a value that would stall or disable an endpoint stops the service at start-up, naming the key.</summary>
public sealed class EndpointLimitSpecs
{
    [Theory]
    [InlineData("Bus:PrefetchCount", "0")]
    [InlineData("Bus:ConcurrentMessageLimit", "0")]
    [InlineData("Bus:ConcurrentMessageLimit", "-4")]
    [InlineData("Bus:RetryLimit", "-1")]
    public async Task Should_refuse_to_start_with_a_limit_that_would_stall_an_endpoint(string key, string value)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.Configuration["Bus:Transport"] = "InMemory";
        builder.Configuration[key] = value;
        builder.AddServiceBus(_ => { });
        await using var app = builder.Build();

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(key, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_handle_no_more_messages_of_one_endpoint_at_once_than_the_concurrency_limit()
    {
        var options = new BusOptions { ConcurrentMessageLimit = 5 };
        var services = new ServiceCollection();
        services.AddSingleton<SlowConsumer.Gauge>();
        services.AddMassTransitTestHarness(x =>
        {
            x.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UseServiceDefaults(context, options));
            x.AddConsumer<SlowConsumer>();
        });
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var gauge = provider.GetRequiredService<SlowConsumer.Gauge>();

        for (var i = 0; i < 12; i++)
        {
            await harness.Bus.Publish(new SlowCommand(i));
        }

        await Eventually.Until(() => Task.FromResult(gauge.Finished == 12), because: "every message is handled");
        Assert.Equal(5, gauge.MostAtOnce); // neither the transport's default nor all twelve
    }

    public sealed record SlowCommand(int Number);

    public sealed class SlowConsumer(SlowConsumer.Gauge gauge) : IConsumer<SlowCommand>
    {
        public async Task Consume(ConsumeContext<SlowCommand> context)
        {
            gauge.Enter();
            await Task.Delay(50);
            gauge.Leave();
        }

        public sealed class Gauge
        {
            private readonly Lock _gate = new();
            private int _now;

            public int MostAtOnce { get; private set; }

            public int Finished { get; private set; }

            public void Enter()
            {
                lock (_gate)
                {
                    _now++;
                    MostAtOnce = Math.Max(MostAtOnce, _now);
                }
            }

            public void Leave()
            {
                lock (_gate)
                {
                    _now--;
                    Finished++;
                }
            }
        }
    }
}
