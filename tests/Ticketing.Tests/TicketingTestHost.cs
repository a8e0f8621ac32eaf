using Changxing.Messaging.Data;
using Changxing.TestSupport;
using Changxing.Ticketing;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Runs;
using Changxing.Ticketing.Search;
using Changxing.Ticketing.Seed;
using Changxing.Ticketing.Stations;
using Changxing.Ticketing.Trains;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Changxing.Ticketing.Tests;

/// <summary>
/// The service's domain parts on a real test database, without HTTP: a fake clock at 2026-03-01 09:00 Beijing time,
/// optionally MassTransit's test harness with the service's consumers. Use as a class fixture.
/// </summary>
public class TicketingTestHost : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    private TestDatabase? _database;
    private ServiceProvider? _services;

    public FakeTimeProvider Clock { get; } = new(Start);

    public TestDatabase Database => _database!;

    public IServiceProvider Services => _services!;

    protected virtual bool SeedReferenceData => false;

    protected virtual bool WithHarness => false;

    /// <summary>Configuration the service sees (e.g. <c>Ticketing:HoldDuration</c>); none by default.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _services = BuildServices(_database);
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        await db.Database.MigrateAsync();
        if (SeedReferenceData)
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(default);
        }
        else
        {
            db.Stations.AddRange(ReferenceData.Stations.Select(s => new Station { Code = s.Code, Name = s.Name, Pinyin = s.Pinyin }));
            await db.SaveChangesAsync();
        }

        await scope.ServiceProvider.GetRequiredService<RunCalendar>().EnsureRunsAsync(default);
        await Services.GetRequiredService<SearchReadModel>().ReloadAsync(db, default);
        if (WithHarness)
        {
            await Services.GetRequiredService<ITestHarness>().Start();
        }
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Adds a train (runs daily for 60 days from the clock's today) and loads it into the read model.</summary>
    public async Task AddTrainAsync(Train train)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        db.Trains.Add(train);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<RunCalendar>().EnsureRunsAsync(default);
        await Services.GetRequiredService<SearchReadModel>().ReloadAsync(db, default);
    }

    public async Task<Guid> RunIdAsync(string train, DateOnly serviceDate)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
        return await db.Runs.Where(r => r.TrainNumber == train && r.ServiceDate == serviceDate).Select(r => r.Id).SingleAsync();
    }

    public async Task AddAllotmentAsync(string train, DateOnly serviceDate, string seatClass, int quota, string? from = null, string? to = null)
    {
        var runId = await RunIdAsync(train, serviceDate);
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RunLocks>().ExecuteAsync(runId, run =>
        {
            var allotment = new Allotments.Allotment { Id = Guid.NewGuid(), RunId = runId, SeatClass = seatClass, Quota = quota, FromStation = from, ToStation = to };
            run.Db.Allotments.Add(allotment);
            run.Add(allotment);
            return Task.FromResult(0);
        }, default);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A train on the Beijing–Shanghai stations with one car of <paramref name="rows"/> x <paramref name="letters"/> second-class seats.</summary>
    public static Train TestTrain(string number, string calls, int rows, string letters)
    {
        var codes = calls.Split(' ');
        var km = ReferenceData.BeijingShanghaiHighSpeed;
        var definition = new TrainDefinition(
            [.. codes.Select((c, i) => new StopInput(c, i == 0 ? null : new TimeOnly(10 + i, 0), i == codes.Length - 1 ? null : new TimeOnly(10 + i, 2), 0, km.KmFrom(c)))],
            [new CarInput(5, SeatClass.Second, rows, letters)],
            null);
        return definition.ToTrain(number);
    }

    private ServiceProvider BuildServices(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(new DatabaseSettings(database.Provider, database.ConnectionString)); // the hold expiry job's lock
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<TicketingDbContext, PostgresTicketingDbContext>(o => TicketingDbContext.AddTicketingInterceptors(o.UseProvider(database.Provider, database.ConnectionString)));
                break;
            default:
                services.AddDbContextPool<TicketingDbContext, SqliteTicketingDbContext>(o => TicketingDbContext.AddTicketingInterceptors(o.UseProvider(database.Provider, database.ConnectionString)));
                break;
        }

        services.AddTicketingDomain(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        services.AddSingleton<HoldExpiryJob>();
        if (WithHarness)
        {
            services.AddMassTransitTestHarness(x => x.AddConsumers(typeof(SeatInventory).Assembly));
        }

        return services.BuildServiceProvider();
    }
}
