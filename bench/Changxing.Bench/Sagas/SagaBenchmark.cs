using System.Diagnostics;
using Changxing.Messaging.Bus;
using Changxing.Messaging.Data;
using Changxing.Messaging.Sagas;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Changxing.Bench.Sagas;

/// <summary>
/// <c>sagas [--sagas N] [--concurrency C] [--warmup W] [--providers sqlite,postgres] [--sqlite-synchronous full|normal]</c>: N sagas started at once run
/// through the 5-step <see cref="BenchSagaStateMachine"/> over RabbitMQ (a throw-away virtual host), persisted by the
/// EF saga repository; prints transitions per second and step latency percentiles per provider.
/// </summary>
public sealed class SagaBenchmark : AsyncCommand<SagasCommandSettings>
{
    private const int TransitionsPerSaga = BenchSagaStateMachine.Steps + 1;

    public override async Task<int> ExecuteAsync(CommandContext context, SagasCommandSettings options, CancellationToken cancellationToken)
    {
        var sagas = options.Sagas;
        var concurrency = options.Concurrency;
        var warmup = options.Warmup;
        var providers = options.Providers
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => Enum.Parse<DatabaseProvider>(p, ignoreCase: true))
            .ToList();
        var sqliteNormal = string.Equals(options.SqliteSynchronous, "normal", StringComparison.OrdinalIgnoreCase);

        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160;
        }

        var table = new Table().AddColumns("provider", "sagas", "transitions", "seconds", "transitions/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "CPU ms/transition");
        foreach (var provider in providers)
        {
            var result = await RunProviderAsync(provider, sagas, concurrency, warmup, sqliteNormal);
            table.AddRow(
                provider == DatabaseProvider.Sqlite ? $"Sqlite (synchronous={(sqliteNormal ? "NORMAL" : "FULL")})" : provider.ToString(),
                sagas.ToString(),
                result.Transitions.ToString(),
                result.Seconds.ToString("0.00"),
                (result.Transitions / result.Seconds).ToString("0"),
                result.P50.ToString("0.0"),
                result.P95.ToString("0.0"),
                result.P99.ToString("0.0"),
                result.Max.ToString("0.0"),
                (result.CpuSeconds * 1000 / result.Transitions).ToString("0.00"));
        }

        AnsiConsole.MarkupLine($"[bold]Sagas[/]: {BenchSagaStateMachine.Steps}-step state machine over RabbitMQ, {concurrency} concurrent messages per endpoint, {warmup} warm-up sagas");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Step latency: from the saga asking for a step to the saga handling its answer (two bus hops, the worker, queueing, the row lock).");
        AnsiConsole.MarkupLine("CPU ms/transition: this process only (sagas, worker, bus client), not RabbitMQ or PostgreSQL; it does not depend on other load on the machine.");
        return 0;
    }

    private static async Task<Result> RunProviderAsync(DatabaseProvider provider, int sagas, int concurrency, int warmup, bool sqliteNormal)
    {
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => BenchInfrastructure.CreateSqliteFile(),
            DatabaseProvider.Postgres => await BenchInfrastructure.CreatePostgresDatabaseAsync(),
            _ => throw new NotSupportedException($"The saga benchmark runs on Sqlite or Postgres, not {provider}."),
        };
        var virtualHost = await BenchInfrastructure.CreateVirtualHostAsync();
        try
        {
            using var host = Build(provider, connectionString, virtualHost, concurrency, sqliteNormal);
            await CreateSchemaAsync(host.Services, provider);
            await host.StartAsync();
            try
            {
                var latencies = host.Services.GetRequiredService<StepLatencies>();
                await DriveAsync(host.Services, warmup);
                await using (var scope = host.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<BenchDbContext>().Set<BenchSagaState>().ExecuteDeleteAsync();
                }

                latencies.Recording = true;
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                await DriveAsync(host.Services, sagas);
                watch.Stop();
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                return new Result(
                    sagas * TransitionsPerSaga,
                    watch.Elapsed.TotalSeconds,
                    latencies.Percentile(0.50),
                    latencies.Percentile(0.95),
                    latencies.Percentile(0.99),
                    latencies.Percentile(1.0),
                    cpu.TotalSeconds);
            }
            finally
            {
                await host.StopAsync();
            }
        }
        finally
        {
            await BenchInfrastructure.DeleteVirtualHostAsync(virtualHost);
            if (provider == DatabaseProvider.Sqlite)
            {
                BenchInfrastructure.DeleteSqliteFile(connectionString);
            }
            else
            {
                await BenchInfrastructure.DropPostgresDatabaseAsync(connectionString);
            }
        }
    }

    /// <summary>Starts <paramref name="count"/> sagas at once and waits until every one is Completed.</summary>
    private static async Task DriveAsync(IServiceProvider services, int count)
    {
        if (count == 0)
        {
            return;
        }

        var bus = services.GetRequiredService<IBus>();
        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => bus.Publish(new StartBenchSaga(NewId.NextGuid()))));
        var stalled = Stopwatch.StartNew();
        var last = -1;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var completed = await scope.ServiceProvider.GetRequiredService<BenchDbContext>().Set<BenchSagaState>()
                .CountAsync(s => s.CurrentState == "Completed");
            if (completed >= count)
            {
                return;
            }

            if (completed != last)
            {
                (last, stalled) = (completed, Stopwatch.StartNew());
            }
            else if (stalled.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"Stuck at {completed} of {count} completed sagas for 60 s.");
            }

            await Task.Delay(50);
        }
    }

    private static IHost Build(DatabaseProvider provider, string connectionString, string virtualHost, int concurrency, bool sqliteNormal)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StepLatencies>();
        builder.Services.AddDbContext<BenchDbContext>(o =>
        {
            o.UseProvider(provider, connectionString);
            if (provider == DatabaseProvider.Sqlite && sqliteNormal)
            {
                o.AddInterceptors(new SqliteSynchronousNormal());
            }
        });
        // Publishing before the endpoints are bound would drop the first sagas' messages.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.Services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseServiceDefaults(context, new BusOptions());
                endpoint.ConcurrentMessageLimit = concurrency;
            });
            x.AddSagaStateMachine<BenchSagaStateMachine, BenchSagaState>()
                .EntityFrameworkRepository(r => r.ExistingDbContext<BenchDbContext>());
            x.AddConsumer<BenchStepWorker>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host("127.0.0.1", 5672, virtualHost, h =>
                {
                    h.Username("guest");
                    h.Password("guest");
                });
                cfg.PrefetchCount = new BusOptions().PrefetchCount;
                cfg.ConfigureEndpoints(context);
            });
        });
        return builder.Build();
    }

    private static async Task CreateSchemaAsync(IServiceProvider services, DatabaseProvider provider)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        await db.Database.EnsureCreatedAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    private sealed record Result(int Transitions, double Seconds, double P50, double P95, double P99, double Max, double CpuSeconds);
}
