using System.Diagnostics;
using Changxing.Contracts.Points;
using Changxing.Points;
using Changxing.Points.Data;
using Changxing.Points.Holds;
using Changxing.Points.Ledger;
using Changxing.Points.Members;
using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Changxing.Bench.Points;

/// <summary>
/// Reserve + capture pairs per second through the Points service's own HoldBook (member lock, EF Core, real database),
/// with 1,000 members x 20 lots each, on SQLite and PostgreSQL. Warms up before measuring (docs/PERFORMANCE.md, platform facts: EF needs 10-20k
/// transactions to reach full speed).
/// </summary>
public sealed class PointsHoldsBenchmark : AsyncCommand<PointsHoldsCommandSettings>
{
    private const long LotPoints = 1_000;
    private const long PairPoints = 300; // crosses a lot boundary every few pairs

    public override async Task<int> ExecuteAsync(CommandContext context, PointsHoldsCommandSettings settings, CancellationToken cancellationToken)
    {
        var options = BenchOptions.From(settings);
        var providers = options.Provider switch
        {
            "sqlite" => new[] { DatabaseProvider.Sqlite },
            "postgres" => [DatabaseProvider.Postgres],
            _ => [DatabaseProvider.Sqlite, DatabaseProvider.Postgres],
        };

        foreach (var provider in providers)
        {
            var r = await RunOnAsync(provider, options);
            AnsiConsole.MarkupLine(
                $"[bold]{provider}[/]: {r.PairsPerSecond:N0} reserve+capture pairs/s ({r.Pairs:N0} pairs in {r.Seconds:0.0} s, {options.Workers} workers, " +
                $"{options.Members:N0} members x {options.LotsPerMember} lots, after {options.WarmupPairs:N0} warm-up pairs" +
                (provider == DatabaseProvider.Sqlite && options.SqliteSynchronousNormal ? ", synchronous=NORMAL" : "") + "); " +
                $"pair latency p50 {r.P50:0.0} ms, p99 {r.P99:0.0} ms, max {r.Max:0.0} ms; {r.Rejected:N0} rejected; " +
                $"benchmark process CPU {r.CpuMsPerPair:0.00} ms per pair (the database server's own CPU not included)");
        }

        return 0;
    }

    private static async Task<Result> RunOnAsync(DatabaseProvider provider, BenchOptions options)
    {
        await using var database = await BenchDatabase.CreateAsync(provider, options.PostgresAdmin);
        await using var services = BuildServices(provider, database.ConnectionString, options.SqliteSynchronousNormal);
        await MigrateAsync(services, provider);
        var memberIds = await SeedAsync(services, options);
        AnsiConsole.MarkupLine($"[grey]{provider}: seeded {options.Members:N0} members x {options.LotsPerMember} lots; warming up ({options.WarmupPairs:N0} pairs)...[/]");

        await RunPairsAsync(services, memberIds, options.Workers, pairLimit: options.WarmupPairs, duration: null);
        AnsiConsole.MarkupLine($"[grey]{provider}: measuring for {options.Seconds} s...[/]");
        return await RunPairsAsync(services, memberIds, options.Workers, pairLimit: null, duration: TimeSpan.FromSeconds(options.Seconds));
    }

    private static ServiceProvider BuildServices(DatabaseProvider provider, string connectionString, bool sqliteSynchronousNormal)
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new DatabaseSettings(provider, connectionString));
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<PointsDbContext, SqlitePointsDbContext>(o =>
            {
                o.UseProvider(provider, connectionString);
                if (sqliteSynchronousNormal)
                {
                    o.AddInterceptors(new SqliteSynchronousNormal());
                }
            });
        }
        else
        {
            services.AddDbContext<PointsDbContext, PostgresPointsDbContext>(o => o.UseProvider(provider, connectionString));
        }

        services.AddPointsDomain(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task MigrateAsync(IServiceProvider services, DatabaseProvider provider)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PointsDbContext>();
        await db.Database.MigrateAsync();
        if (provider == DatabaseProvider.Sqlite)
        {
            // As the service runs it (DatabaseMigrator).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    private static async Task<Guid[]> SeedAsync(IServiceProvider services, BenchOptions options)
    {
        var now = DateTimeOffset.UtcNow;
        var calendar = services.GetRequiredService<BusinessCalendar>();
        var today = calendar.Today;
        var ids = Enumerable.Range(0, options.Members).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var batch in ids.Chunk(100))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PointsDbContext>();
            foreach (var id in batch)
            {
                var member = new PointsMember(id, "bench", new DateOnly(1980, 1, 1), now);
                db.Members.Add(member);
                for (var i = options.LotsPerMember - 1; i >= 0; i--)
                {
                    var creditedOn = today.AddDays(-i * 5);
                    db.Lots.Add(new PointsLot(id, LotPoints, CreditSource.Trip, null, null, creditedOn, now.AddDays(-i * 5)));
                    member.RecordCredit(LotPoints, creditedOn, now);
                }
            }

            await db.SaveChangesAsync();
        }

        return ids;
    }

    private static async Task<Result> RunPairsAsync(IServiceProvider services, Guid[] members, int workers, int? pairLimit, TimeSpan? duration)
    {
        var latencies = new List<double>[workers];
        var rejected = 0;
        var started = 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var until = duration is null ? TimeSpan.MaxValue : duration.Value;

        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(4096);
            var random = new Random(w * 7919 + 17);
            while (clock.Elapsed < until && (pairLimit is null || Interlocked.Increment(ref started) <= pairLimit))
            {
                var member = members[random.Next(members.Length)];
                var redemption = Guid.NewGuid();
                var t0 = Stopwatch.GetTimestamp();
                await using var scope = services.CreateAsyncScope();
                var book = scope.ServiceProvider.GetRequiredService<HoldBook>();
                var reserved = await book.ReserveAsync(new ReservePoints(redemption, member, PairPoints), CancellationToken.None);
                if (reserved is not PointsReserved)
                {
                    Interlocked.Increment(ref rejected);
                    continue;
                }

                if (await book.CaptureAsync(new CapturePoints(redemption, member), CancellationToken.None) is not PointsCaptured)
                {
                    throw new InvalidOperationException("A capture of a fresh hold was refused.");
                }

                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        })));

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double At(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
        return new Result(all.Length, seconds, all.Length / seconds, At(0.50), At(0.99), all.Length == 0 ? 0 : all[^1], rejected, all.Length == 0 ? 0 : cpu / all.Length);
    }

    private sealed record Result(int Pairs, double Seconds, double PairsPerSecond, double P50, double P99, double Max, int Rejected, double CpuMsPerPair);

    /// <summary>For comparison only: the service keeps SQLite's default (FULL), one fsync per commit.</summary>
    private sealed class SqliteSynchronousNormal : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private sealed record BenchOptions(string Provider, int Members, int LotsPerMember, int Workers, int WarmupPairs, int Seconds, string PostgresAdmin, bool SqliteSynchronousNormal)
    {
        public static BenchOptions From(PointsHoldsCommandSettings settings) => new(
            settings.Provider.ToLowerInvariant(),
            settings.Members,
            settings.Lots,
            settings.Workers,
            settings.WarmupPairs,
            settings.Seconds,
            settings.Postgres,
            settings.SqliteSynchronous.Equals("normal", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A throwaway database: a temporary SQLite file, or a PostgreSQL database dropped afterwards.</summary>
    private sealed class BenchDatabase : IAsyncDisposable
    {
        private readonly string? _directory;
        private readonly string? _postgresAdmin;
        private readonly string? _postgresName;

        private BenchDatabase(string connectionString, string? directory, string? postgresAdmin, string? postgresName)
        {
            ConnectionString = connectionString;
            _directory = directory;
            _postgresAdmin = postgresAdmin;
            _postgresName = postgresName;
        }

        public string ConnectionString { get; }

        public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider, string postgresAdmin)
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                var dir = Directory.CreateTempSubdirectory("changxing-points-bench-").FullName;
                return new BenchDatabase($"Data Source={Path.Combine(dir, "points.db")};Default Timeout=30;Pooling=True", dir, null, null);
            }

            var name = "changxing_bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(postgresAdmin))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name };
            return new BenchDatabase(builder.ConnectionString, null, postgresAdmin, name);
        }

        public async ValueTask DisposeAsync()
        {
            if (_directory is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (Directory.Exists(_directory))
                {
                    Directory.Delete(_directory, recursive: true);
                }
            }

            if (_postgresName is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(_postgresAdmin);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}
