using System.Collections.Concurrent;
using System.Diagnostics;
using Changxing.Messaging.Bus;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Changxing.Messaging.Tests.Bus;

/// <summary>The default endpoint retry: exponential and bounded; concurrency and lock-timeout failures are transient, a bad argument is not.</summary>
public sealed class EndpointRetrySpecs
{
    /// <summary>The failures a consumer can throw, by name (xunit data must be serialisable).</summary>
    private static readonly Dictionary<string, Func<Exception>> Failures = new()
    {
        ["concurrency conflict"] = () => new DbUpdateConcurrencyException("simulated"),
        ["timeout"] = () => new TimeoutException("simulated"),
        ["unique key violation"] = () => new DbUpdateException("simulated", new PostgresException("duplicate key value", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)),
        ["postgres lock timeout in SaveChanges"] = () => new DbUpdateException("simulated", new PostgresException("canceling statement due to lock timeout", "ERROR", "ERROR", PostgresErrorCodes.LockNotAvailable)),
        ["postgres lock timeout in a query"] = () => new PostgresException("canceling statement due to lock timeout", "ERROR", "ERROR", PostgresErrorCodes.LockNotAvailable),
        ["sqlite busy"] = () => new SqliteException("SQLite Error 5: 'database is locked'.", 5),
        ["sqlite busy in SaveChanges"] = () => new DbUpdateException("simulated", new SqliteException("SQLite Error 5: 'database is locked'.", 5)),
        ["bad argument"] = () => new ArgumentException("simulated"),
        ["bug"] = () => new InvalidOperationException("simulated"),
    };

    [Theory]
    [InlineData("concurrency conflict")]
    [InlineData("timeout")]
    [InlineData("unique key violation")]
    [InlineData("postgres lock timeout in SaveChanges")]
    [InlineData("postgres lock timeout in a query")]
    [InlineData("sqlite busy")]
    [InlineData("sqlite busy in SaveChanges")]
    public async Task Should_retry_a_message_whose_consumer_hit_a_concurrency_or_lock_timeout_failure(string failure)
    {
        await using var provider = Build();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var id = Guid.NewGuid();

        await harness.Bus.Publish(new FlakyCommand(id, failure, FailingAttempts: 2));

        await Eventually.Until(() => Task.FromResult(FlakyConsumer.Succeeded.Contains(id)), because: "the third attempt succeeded");
        Assert.Equal(3, FlakyConsumer.Attempts(id).Count);
        Assert.False(await harness.Published.Any<Fault<FlakyCommand>>());
    }

    [Fact]
    public async Task Should_not_retry_a_message_rejected_as_a_bad_argument()
    {
        await using var provider = Build();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var id = Guid.NewGuid();

        await harness.Bus.Publish(new FlakyCommand(id, "bad argument", FailingAttempts: 99));

        Assert.True(await harness.Published.Any<Fault<FlakyCommand>>(x => x.Context.Message.Message.Id == id));
        Assert.Single(FlakyConsumer.Attempts(id));
    }

    [Fact]
    public async Task Should_give_up_after_the_retry_limit_with_growing_waits_and_fault_the_message()
    {
        // Five retries (about 3 s) show the schedule's shape; the default eight take about 25 s.
        var options = new BusOptions { RetryLimit = 5 };
        await using var provider = Build(options);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var id = Guid.NewGuid();

        await harness.Bus.Publish(new FlakyCommand(id, "bug", FailingAttempts: int.MaxValue));

        Assert.True(await harness.Published.Any<Fault<FlakyCommand>>(x => x.Context.Message.Message.Id == id));
        var attempts = FlakyConsumer.Attempts(id);
        Assert.Equal(options.RetryLimit + 1, attempts.Count);

        // Exponential waits: MassTransit draws retry n's interval as 50 ms + 2^n x (80 to 120 ms), then scales each wait by
        // 0.75 to 1.25. A busy machine can only make a wait longer, so each is checked against its least, with 5 % for
        // the timer: 93, 150, 264, 492 and 948 ms. A fixed or immediate retry fails from the third wait on.
        var waits = attempts.Zip(attempts.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).ToList();
        Assert.All(Enumerable.Range(0, waits.Count), n =>
        {
            var least = TimeSpan.FromMilliseconds(0.95 * 0.75 * (50 + Math.Pow(2, n) * 80));
            Assert.True(waits[n] >= least, $"Wait {n} was {waits[n]}, less than the schedule's least {least}.");
        });
    }

    private static ServiceProvider Build(BusOptions? options = null)
    {
        var services = new ServiceCollection();
        services.AddMassTransitTestHarness(x =>
        {
            x.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UseServiceDefaults(context, options ?? new BusOptions()));
            x.AddConsumer<FlakyConsumer>();
        });
        return services.BuildServiceProvider(validateScopes: true);
    }

    public sealed record FlakyCommand(Guid Id, string Failure, int FailingAttempts);

    public sealed class FlakyConsumer : IConsumer<FlakyCommand>
    {
        private static readonly ConcurrentDictionary<Guid, ConcurrentQueue<long>> AttemptsById = new();

        public static ConcurrentBag<Guid> Succeeded { get; } = [];

        /// <summary>When each attempt started (<see cref="Stopwatch"/> timestamps), in order.</summary>
        public static IReadOnlyList<long> Attempts(Guid id) => AttemptsById.TryGetValue(id, out var attempts) ? [.. attempts] : [];

        public Task Consume(ConsumeContext<FlakyCommand> context)
        {
            AttemptsById.GetOrAdd(context.Message.Id, _ => new ConcurrentQueue<long>()).Enqueue(Stopwatch.GetTimestamp());
            if (context.GetRetryAttempt() < context.Message.FailingAttempts)
            {
                throw Failures[context.Message.Failure]();
            }

            Succeeded.Add(context.Message.Id);
            return Task.CompletedTask;
        }
    }
}
