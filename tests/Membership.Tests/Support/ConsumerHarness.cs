using Changxing.Messaging.Bus;
using Changxing.Membership.Data;
using Changxing.Membership.Notifications;
using Changxing.Messaging.Data;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Changxing.Membership.Tests.Support;

/// <summary>MassTransit's test harness with the given consumers, on a real, migrated test database and a fake clock.</summary>
public sealed class ConsumerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly TestDatabase _database;

    private ConsumerHarness(ServiceProvider provider, TestDatabase database)
    {
        _provider = provider;
        _database = database;
    }

    public FakeTimeProvider Clock => (FakeTimeProvider)_provider.GetRequiredService<TimeProvider>();

    public ITestHarness Harness => _provider.GetTestHarness();

    public NotificationStream Stream => _provider.GetRequiredService<NotificationStream>();

    public static async Task<ConsumerHarness> StartAsync(Action<IBusRegistrationConfigurator> consumers)
    {
        var database = await TestDatabase.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero)));
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContext<MembershipDbContext, PostgresMembershipDbContext>(o => o.UseProvider(database.Provider, database.ConnectionString));
                break;
            default:
                services.AddDbContext<MembershipDbContext, SqliteMembershipDbContext>(o => o.UseProvider(database.Provider, database.ConnectionString));
                break;
        }

        services.AddSingleton<NotificationStream>();
        services.AddScoped<NotificationInbox>();
        services.AddMassTransitTestHarness(x =>
        {
            // The production endpoint defaults (retry, in-memory outbox): consumers rely on the retry to settle races.
            x.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UseServiceDefaults(context, new BusOptions()));
            consumers(x);
        });
        var provider = services.BuildServiceProvider(validateScopes: true);
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MembershipDbContext>().Database.MigrateAsync();
        }

        await provider.GetTestHarness().Start();
        return new ConsumerHarness(provider, database);
    }

    public async Task<T> QueryAsync<T>(Func<MembershipDbContext, Task<T>> query)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MembershipDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _database.DisposeAsync();
    }
}
