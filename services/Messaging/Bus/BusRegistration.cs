using Changxing.ServiceDefaults.Correlation;
using Changxing.Messaging.Correlation;
using Changxing.Messaging.Outbox;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Changxing.Messaging.Bus;

public static class BusRegistration
{
    /// <summary>
    /// MassTransit on the configured transport with kebab-case endpoint names, a bounded exponential retry
    /// and an outbox on every endpoint (messages leave only after the consumer or saga committed), and on
    /// RabbitMQ the configured queue type (<see cref="BusOptions.QueueType"/>).
    /// </summary>
    /// <remarks>
    /// Messages leave through the transactional outbox of <typeparamref name="TOutboxDbContext"/>, the service's own
    /// database (<see cref="EntityFrameworkOutboxRegistration.AddEntityFrameworkOutbox{TDbContext}"/>), unless
    /// <c>Bus:Outbox</c> is InMemory, which only the test and development environments may choose.
    /// </remarks>
    public static WebApplicationBuilder AddServiceBus<TOutboxDbContext>(this WebApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
        where TOutboxDbContext : DbContext
    {
        var bus = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        if (bus.Outbox == BusOutbox.InMemory && !InMemoryEnvironments.Any(builder.Environment.IsEnvironment))
        {
            throw new InvalidOperationException(
                $"Bus:Outbox is InMemory in the {builder.Environment.EnvironmentName} environment, but the in-memory outbox loses what a crash " +
                $"catches between a commit and the broker, and is for tests only ({string.Join(", ", InMemoryEnvironments)}). Remove Bus__Outbox or set it to Database.");
        }

        return builder.AddServiceBus(x =>
        {
            configure(x);
            if (bus.Outbox == BusOutbox.Database)
            {
                x.AddEntityFrameworkOutbox<TOutboxDbContext>();
            }
        });
    }

    public static WebApplicationBuilder AddServiceBus(this WebApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
    {
        var bus = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
        var rabbit = builder.Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        RefuseInMemoryTransportOutsideTests(bus, builder.Environment);
        builder.Services.AddOptions<BusOptions>().BindConfiguration(BusOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddMassTransit(x =>
        {
            // MassTransit 8.4+ reports usage to its vendor over the internet by default; our machines reach no network
            // but the package registries (the load benchmark's logs showed each service trying).
            x.DisableUsageTelemetry();
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var options = context.GetRequiredService<IOptions<BusOptions>>().Value;
                endpoint.UseServiceDefaults(context, options);
                endpoint.UseQueueType(options.QueueType);
            });
            configure(x);

            if (bus.Transport == BusTransport.InMemory)
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseCorrelationIdFilters(context);
                    cfg.ConfigureEndpoints(context);
                });
                return;
            }

            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                {
                    h.Username(rabbit.Username);
                    h.Password(rabbit.Password);
                });
                cfg.PrefetchCount = context.GetRequiredService<IOptions<BusOptions>>().Value.PrefetchCount;
                cfg.UseCorrelationIdFilters(context);
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>Environments in which <see cref="BusTransport.InMemory"/> may be chosen: tests and a developer's machine.</summary>
    public static readonly IReadOnlyList<string> InMemoryEnvironments = [Environments.Development, "Testing"];

    // The in-memory transport reaches no other process: a deployed service on it would silently drop every message
    // the other services send it.
    private static void RefuseInMemoryTransportOutsideTests(BusOptions bus, IHostEnvironment environment)
    {
        if (bus.Transport == BusTransport.InMemory && !InMemoryEnvironments.Any(environment.IsEnvironment))
        {
            throw new InvalidOperationException(
                $"Bus:Transport is InMemory in the {environment.EnvironmentName} environment, but the in-memory transport is for tests only " +
                $"({string.Join(", ", InMemoryEnvironments)}). Remove Bus__Transport or set it to RabbitMq.");
        }
    }

    /// <summary>Carries the caller's correlation id through every message sent, published and consumed.</summary>
    public static void UseCorrelationIdFilters(this IBusFactoryConfigurator cfg, IRegistrationContext context)
    {
        // Plain pipe actions, not scoped filters: the in-memory outbox sends after the consumer's scope is disposed.
        cfg.ConfigureSend(send => send.UseSendExecute(CorrelationIdStamp.Stamp));
        cfg.ConfigurePublish(publish => publish.UseExecute(CorrelationIdStamp.Stamp));
        cfg.UseConsumeFilter(typeof(CorrelationIdConsumeFilter<>), context);
    }

    /// <summary>
    /// Declares a RabbitMQ receive endpoint's queue with the configured type (MassTransit gives its error and skipped
    /// queues the same arguments); other transports have no queue types.
    /// </summary>
    public static void UseQueueType(this IReceiveEndpointConfigurator endpoint, BusQueueType queueType)
    {
        if (queueType == BusQueueType.Quorum && endpoint is IRabbitMqReceiveEndpointConfigurator rabbitMq)
        {
            rabbitMq.SetQuorumQueue();
        }
    }

    /// <summary>
    /// The retry and outbox every receive endpoint gets; also used by tests that build their own harness. The outbox is
    /// the service database's (<see cref="EntityFrameworkOutboxRegistration.AddEntityFrameworkOutbox{TDbContext}"/>); a
    /// bus without one (a test's, a benchmark's) keeps MassTransit's in-memory outbox.
    /// </summary>
    public static void UseServiceDefaults(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context, BusOptions options)
    {
        // Everything but a malformed request is retried, in particular what concurrent sagas and consumers meet:
        // lock and command timeouts, deadlocks, busy SQLite, a lost insert race between two initiating messages
        // (unique-key violation) and optimistic-concurrency conflicts. Each attempt gets a fresh scope and outbox.
        endpoint.UseMessageRetry(r =>
        {
            r.Exponential(options.RetryLimit, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(100));
            r.Ignore<ArgumentException>();
        });
        if (context.GetService<EntityFrameworkOutboxEndpoints>() is { } outbox)
        {
            outbox.Configure(endpoint, context);
        }
        else
        {
            endpoint.UseInMemoryOutbox(context);
        }

        endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
    }
}
