using Changxing.Messaging.Bus;
using Changxing.Messaging.Data;
using Changxing.Messaging.Outbox;
using Changxing.Messaging.Sagas;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>
/// One "process" hosting the test sagas: the EF saga repository on a real database, MassTransit's test harness on the
/// in-memory transport with the service defaults (retry, in-memory outbox) and several concurrent consumers per endpoint.
/// Disposing it and starting another on the same database is a restart.
/// </summary>
public sealed class SagaTestHost : IAsyncDisposable
{
    public const int ConcurrentMessages = 16;

    private readonly ServiceProvider _provider;

    private SagaTestHost(ServiceProvider provider, ITestHarness harness)
    {
        _provider = provider;
        Harness = harness;
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _provider;

    public StepDeadlineJob<ReservationState, SagaTestDbContext> ReservationSweeper =>
        _provider.GetRequiredService<StepDeadlineJob<ReservationState, SagaTestDbContext>>();

    /// <summary>A fixed, known instant for clocks the tests advance by hand.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));

    /// <param name="sweepInBackground">False (the default here): only the test's own <c>RunOnceAsync</c> calls sweep, so it can count them.</param>
    /// <param name="interceptor">Watches or disturbs the saga transactions of this host (none by default).</param>
    /// <param name="outbox">
    /// The database outbox and inbox as the services run them, instead of the in-memory outbox: null (the default) for
    /// none; otherwise the <c>Outbox</c> settings, for example <c>DeliveryEnabled=false</c> for a host that stores
    /// messages and never sends them.
    /// </param>
    public static async Task<SagaTestHost> StartAsync(
        TestDatabase database, FakeTimeProvider? clock = null, bool sweepInBackground = false, IInterceptor? interceptor = null,
        IReadOnlyDictionary<string, string?>? outbox = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (outbox is not null)
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(outbox.Select(setting => KeyValuePair.Create($"{OutboxOptions.Section}:{setting.Key}", setting.Value)))
                .Build());
            services.AddSingleton(new DatabaseSettings(database.Provider, database.ConnectionString));
        }

        services.AddSingleton<TimeProvider>(clock ?? NewClock());
        services.Configure<StepDeadlineOptions>(o => o.SweepInBackground = sweepInBackground);

        AddDbContext(services, database, interceptor);
        services.AddMassTransitTestHarness(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.SetTestTimeouts(testTimeout: TimeSpan.FromMinutes(2));
            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                // The services' retry with five attempts (about 3 s) instead of eight (about 25 s): the specs that
                // wait for a message to fault would otherwise wait that long.
                endpoint.UseServiceDefaults(context, new BusOptions { RetryLimit = 5 });
                endpoint.PrefetchCount = ConcurrentMessages * 2;
                endpoint.ConcurrentMessageLimit = ConcurrentMessages;
            });
            x.AddSagaStateMachine<CounterStateMachine, CounterState>()
                .EntityFrameworkRepository(r => r.ExistingDbContext<SagaTestDbContext>());
            x.AddSagaStateMachine<ReservationStateMachine, ReservationState>()
                .EntityFrameworkRepository(r => r.ExistingDbContext<SagaTestDbContext>());
            if (outbox is not null)
            {
                x.AddEntityFrameworkOutbox<SagaTestDbContext>();
            }
        });

        var provider = services.BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return new SagaTestHost(provider, harness);
    }

    /// <summary>
    /// A web application wired as a service wires itself (its database registration, then the caller's
    /// <c>AddServiceBus</c>), on the test saga's context over <paramref name="database"/> (SQLite, schema made by
    /// <see cref="CreateSchemaAsync"/>) and the given bus transport; the caller adds its own settings before building.
    /// </summary>
    public static WebApplicationBuilder ServiceApplication(TestDatabase database, string transport)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Bus:Transport"] = transport;
        builder.Configuration["Database:Provider"] = "Sqlite";
        builder.Configuration["Database:ConnectionString"] = database.ConnectionString;
        builder.Configuration["Database:MigrateOnStartup"] = "false";
        builder.AddServiceDatabase<SagaTestDbContext, SqliteSagaTestDbContext, PostgresSagaTestDbContext, SqlServerSagaTestDbContext>();
        return builder;
    }

    /// <summary>Creates the saga tables once per test database (a service would run its migrations).</summary>
    public static async Task CreateSchemaAsync(TestDatabase database)
    {
        var services = new ServiceCollection();
        AddDbContext(services, database);
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SagaTestDbContext>();
        await db.Database.EnsureCreatedAsync();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    /// <summary>
    /// The messages of one type published so far, without waiting. The harness's own <c>Select</c> waits for the bus to
    /// go idle when it finds none, and a bus with a message held in flight does not go idle before the test timeout.
    /// </summary>
    public List<T> PublishedSoFar<T>()
        where T : class =>
        Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(m => m.Context.Message).ToList();

    public async Task<T> QueryAsync<T>(Func<SagaTestDbContext, Task<T>> query)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<SagaTestDbContext>());
    }

    public Task<List<TSaga>> AllAsync<TSaga>()
        where TSaga : class =>
        QueryAsync(db => db.Set<TSaga>().AsNoTracking().ToListAsync());

    public Task<TSaga?> FindAsync<TSaga>(Guid id)
        where TSaga : class, ISaga =>
        QueryAsync(db => db.Set<TSaga>().AsNoTracking().SingleOrDefaultAsync(x => x.CorrelationId == id));

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }

    private static void AddDbContext(IServiceCollection services, TestDatabase database, IInterceptor? interceptor = null)
    {
        var interceptors = interceptor is null ? Array.Empty<IInterceptor>() : [interceptor];
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContext<SagaTestDbContext, SqliteSagaTestDbContext>(o => o.UseProvider(database.Provider, database.ConnectionString).AddInterceptors(interceptors));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContext<SagaTestDbContext, PostgresSagaTestDbContext>(o => o.UseProvider(database.Provider, database.ConnectionString).AddInterceptors(interceptors));
                break;
            default:
                throw new NotSupportedException($"Saga tests run on Sqlite or Postgres, not {database.Provider}.");
        }
    }
}
