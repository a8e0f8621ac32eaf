using Changxing.ServiceDefaults.Bus;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.ServiceDefaults.Tests.Bus;

/// <summary>The default endpoint retry: concurrency and lock-timeout failures are transient, a bad argument is not.</summary>
public sealed class EndpointRetrySpecs
{
    [Theory]
    [InlineData(typeof(DbUpdateConcurrencyException))]
    [InlineData(typeof(TimeoutException))]
    [InlineData(typeof(DbUpdateException))]
    public async Task Should_retry_a_message_whose_consumer_hit_a_concurrency_or_lock_timeout_failure(Type failure)
    {
        await using var provider = Build();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var id = Guid.NewGuid();

        await harness.Bus.Publish(new FlakyCommand(id, failure.AssemblyQualifiedName!, FailingAttempts: 2));

        await Eventually.Until(() => Task.FromResult(FlakyConsumer.Succeeded.Contains(id)), because: "the third attempt succeeded");
        Assert.Equal(3, FlakyConsumer.Attempts(id));
        Assert.False(await harness.Published.Any<Fault<FlakyCommand>>());
    }

    [Fact]
    public async Task Should_not_retry_a_message_rejected_as_a_bad_argument()
    {
        await using var provider = Build();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var id = Guid.NewGuid();

        await harness.Bus.Publish(new FlakyCommand(id, typeof(ArgumentException).AssemblyQualifiedName!, FailingAttempts: 99));

        Assert.True(await harness.Published.Any<Fault<FlakyCommand>>(x => x.Context.Message.Message.Id == id));
        Assert.Equal(1, FlakyConsumer.Attempts(id));
    }

    private static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddMassTransitTestHarness(x =>
        {
            x.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UseServiceDefaults(context, new BusOptions()));
            x.AddConsumer<FlakyConsumer>();
        });
        return services.BuildServiceProvider(validateScopes: true);
    }

    public sealed record FlakyCommand(Guid Id, string Failure, int FailingAttempts);

    public sealed class FlakyConsumer : IConsumer<FlakyCommand>
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> AttemptsById = new();

        public static System.Collections.Concurrent.ConcurrentBag<Guid> Succeeded { get; } = [];

        public static int Attempts(Guid id) => AttemptsById.GetValueOrDefault(id);

        public Task Consume(ConsumeContext<FlakyCommand> context)
        {
            AttemptsById.AddOrUpdate(context.Message.Id, 1, (_, n) => n + 1);
            if (context.GetRetryAttempt() < context.Message.FailingAttempts)
            {
                var type = Type.GetType(context.Message.Failure, throwOnError: true)!;
                throw (Exception)(type == typeof(DbUpdateConcurrencyException) || type == typeof(DbUpdateException)
                    ? Activator.CreateInstance(type, "simulated", (Exception?)null)!
                    : Activator.CreateInstance(type, "simulated")!);
            }

            Succeeded.Add(context.Message.Id);
            return Task.CompletedTask;
        }
    }
}
