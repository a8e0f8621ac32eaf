using System.Diagnostics;
using Changxing.Messaging.Bus;
using Changxing.SystemHarness.Load;
using Changxing.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Changxing.Bench.Load;

/// <summary>
/// The raw bus ceiling on this machine: MassTransit publish→consume over the same RabbitMQ broker (its own throw-away
/// virtual host), no database, the services' endpoint settings (retry, in-memory outbox, prefetch 100), durable
/// messages with publisher confirms. Concurrent publishers publish for a while; what was consumed in that window per
/// second is the ceiling the saga's messages share.
/// </summary>
public static class BusCeiling
{
    public static async Task<BusCeilingResult> MeasureAsync(int publishers, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        await using var virtualHost = await RabbitMqVirtualHost.CreateAsync("load-bus");
        var counter = new BusCeilingCounter();
        using var host = Build(virtualHost.Name, counter);
        await host.StartAsync(cancellationToken);
        try
        {
            var bus = host.Services.GetRequiredService<IBus>();
            await PublishAsync(bus, publishers, TimeSpan.FromSeconds(2), cancellationToken);
            await counter.DrainedAsync(TimeSpan.FromSeconds(30));

            counter.Reset();
            var watch = Stopwatch.StartNew();
            var published = await PublishAsync(bus, publishers, duration, cancellationToken);
            var consumedInWindow = counter.Consumed;
            var window = watch.Elapsed.TotalSeconds;
            await counter.DrainedAsync(TimeSpan.FromSeconds(30));
            var latency = LatencySummary.Of(counter.LatenciesMs);
            return new BusCeilingResult(publishers, Math.Round(window, 1), published / window, consumedInWindow / window, latency);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<long> PublishAsync(IBus bus, int publishers, TimeSpan duration, CancellationToken cancellationToken)
    {
        long published = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, publishers).Select(_ => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                await bus.Publish(new BusCeilingPing(Stopwatch.GetTimestamp()), cancellationToken);
                Interlocked.Increment(ref published);
            }
        }, cancellationToken)));
        return published;
    }

    private static IHost Build(string virtualHost, BusCeilingCounter counter)
    {
        var options = new BusOptions();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(counter);
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.Services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UseServiceDefaults(context, options));
            x.AddConsumer<BusCeilingConsumer>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(TestEnvironment.RabbitMqHost, 5672, virtualHost, h =>
                {
                    h.Username("guest");
                    h.Password("guest");
                });
                cfg.PrefetchCount = options.PrefetchCount;
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder.Build();
    }
}
