using System.Net;
using Changxing.Messaging.Data;
using Changxing.TestSupport;

namespace Changxing.SystemHarness;

/// <summary>
/// The whole system as real processes: Membership, Points, Ticketing, the Gateway and the Web front end, each on a free port with its
/// own database (a temporary SQLite file by default, or a throw-away PostgreSQL database), sharing a fresh RabbitMQ
/// virtual host. With <see cref="SystemOptions.Instances"/> above one (PostgreSQL only), each of the three services runs
/// that many processes on one database, named <c>Points</c>, <c>Points-2</c>…, and the gateway balances across them. Tests talk to it through the gateway. The end-to-end tests use it as an xunit fixture (SQLite);
/// the benchmarks call <see cref="StartAsync"/> with their own <see cref="SystemOptions"/>.
/// </summary>
public sealed class SystemUnderTest : IAsyncLifetime
{
    public static readonly string[] Services = ["Membership", "Points", "Ticketing"];

    /// <summary>The web front end's process (it has no database and no bus).</summary>
    public const string WebApp = "Web";

    private readonly Dictionary<string, ServiceProcess> _processes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TestDatabase> _databases = new(StringComparer.OrdinalIgnoreCase);
    private readonly SystemOptions _options;
    private RabbitMqVirtualHost? _virtualHost;
    private string? _dataDirectory;

    /// <summary>The end-to-end fixture: SQLite, default settings (xunit wants one public constructor).</summary>
    public SystemUnderTest()
        : this(new SystemOptions())
    {
    }

    private SystemUnderTest(SystemOptions options) => _options = options;

    public static async Task<SystemUnderTest> StartAsync(SystemOptions options)
    {
        var system = new SystemUnderTest(options);
        try
        {
            await system.InitializeAsync();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public SystemOptions Options => _options;

    /// <summary>A service's database connection string (PostgreSQL runs only; SQLite files are in <see cref="DataDirectory"/>).</summary>
    public string ConnectionString(string service) =>
        _databases.TryGetValue(service, out var database) ? database.ConnectionString
            : throw new InvalidOperationException($"{service} runs on {_options.Database}, not on a server database.");

    public ServiceProcess Gateway => _processes["Gateway"];

    public ServiceProcess this[string service] => _processes[service];

    public string VirtualHost => _virtualHost?.Name ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client on the gateway, as an anonymous caller.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Every process of a service (one unless <see cref="SystemOptions.Instances"/> says more), the first first.</summary>
    public IReadOnlyList<ServiceProcess> Instances(string service) =>
        [.. Enumerable.Range(1, _options.Instances).Select(i => _processes[InstanceName(service, i)])];

    /// <summary>The key of a service's <paramref name="instance"/>-th process: <c>Points</c>, then <c>Points-2</c>…</summary>
    public static string InstanceName(string service, int instance) => instance == 1 ? service : $"{service}-{instance}";

    public async Task InitializeAsync()
    {
        if (_options.Instances < 1 || (_options.Instances > 1 && _options.Database == DatabaseProvider.Sqlite))
        {
            throw new InvalidOperationException(
                $"{_options.Instances} instances of each service on {_options.Database}: run one or more, and more than one on PostgreSQL (SQLite is single-instance).");
        }

        _virtualHost = await RabbitMqVirtualHost.CreateAsync(_options.Label);
        _dataDirectory = Directory.CreateTempSubdirectory($"changxing-{_options.Label}-").FullName;

        foreach (var name in Services)
        {
            var environment = new Dictionary<string, string>
            {
                ["Database__Provider"] = _options.Database.ToString(),
                ["Database__DataDirectory"] = _dataDirectory,
                ["RabbitMq__Host"] = TestEnvironment.RabbitMqHost,
                ["RabbitMq__VirtualHost"] = _virtualHost.Name,
            };
            if (_options.Database != DatabaseProvider.Sqlite)
            {
                var database = await TestDatabase.CreateAsync(_options.Database);
                _databases[name] = database;
                environment["Database__ConnectionString"] = database.ConnectionString;
            }

            if (name == "Points" && _options.PointsClockAheadDays > 0)
            {
                environment["DevelopmentClock__OffsetDays"] = _options.PointsClockAheadDays.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            }

            for (var instance = 1; instance <= _options.Instances; instance++)
            {
                var key = InstanceName(name, instance);
                _processes[key] = new ServiceProcess(BuiltService.Locate(name, _options.Build) with { Name = key }, LoopbackPort.Free(), WithOptions(new(environment)));
            }
        }

        var gateway = new Dictionary<string, string>();
        foreach (var service in Services)
        {
            var cluster = $"ReverseProxy__Clusters__{service.ToLowerInvariant()}";
            for (var instance = 1; instance <= _options.Instances; instance++)
            {
                var destination = instance == 1 ? "primary" : $"instance{instance}";
                gateway[$"{cluster}__Destinations__{destination}__Address"] = _processes[InstanceName(service, instance)].BaseAddress.ToString().TrimEnd('/');
            }

            if (_options.Instances > 1)
            {
                // A killed instance is out of the balancing within about two seconds (two failed probes).
                gateway[$"{cluster}__HealthCheck__Active__Interval"] = "00:00:01";
                gateway[$"{cluster}__HealthCheck__Active__Timeout"] = "00:00:01";
            }
        }

        // Every scenario signs in from 127.0.0.1: the per-address sign-in limit is tested in Gateway.Tests, not here.
        gateway["Gateway__RateLimits__SignIn__PermitLimit"] = "100000";
        gateway["Gateway__RateLimits__PerCaller__PermitLimit"] = "100000";
        var gatewayPort = LoopbackPort.Free();

        // The web front end is a client of the gateway, and the gateway routes pages to it (its readiness covers it).
        _processes[WebApp] = new ServiceProcess(BuiltService.Locate(WebApp, _options.Build), LoopbackPort.Free(), WithOptions(new Dictionary<string, string>
        {
            ["Web__GatewayAddress"] = $"http://127.0.0.1:{gatewayPort}",
        }));
        gateway["ReverseProxy__Clusters__web__Destinations__primary__Address"] = _processes[WebApp].BaseAddress.ToString().TrimEnd('/');
        // The web app tells the gateway each browser's address (X-Forwarded-For); the gateway believes it from the web
        // app's address only, here the loopback that every process shares.
        gateway["Gateway__TrustedProxies__0"] = "127.0.0.1";
        _processes["Gateway"] = new ServiceProcess(BuiltService.Locate("Gateway", _options.Build), gatewayPort, WithOptions(gateway));

        foreach (var process in _processes.Values)
        {
            process.Start();
        }

        // The first start seeds Ticketing (stations, trains, 60 days of runs): on a busy 2-core machine that alone took 54 s.
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(180));
    }

    /// <summary>Where the services keep their SQLite files, for invariant checks after a scenario.</summary>
    public string DataDirectory => _dataDirectory ?? throw new InvalidOperationException("Not started.");

    /// <summary>Stops a service (gracefully, or like kill -9), starts it again and waits until the whole system is ready.</summary>
    public async Task RestartAsync(string service, bool kill = false)
    {
        await this[service].StopAsync(kill);
        this[service].Start();
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    public async Task EnsureAllRunningAsync()
    {
        var stopped = _processes.Values.Where(p => !p.IsRunning).ToList();
        foreach (var process in stopped)
        {
            process.Start();
        }

        if (stopped.Count > 0)
        {
            await WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        }
    }

    /// <summary>Until the gateway reports every service ready and every running process of a service reports itself ready.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = CreateClient();
        try
        {
            await Eventually.Until(async () => await IsReadyAsync(http), timeout, "the gateway reports every service ready");
            foreach (var process in _processes.Values.Where(p => p.IsRunning && p != Gateway))
            {
                using var direct = new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
                await Eventually.Until(async () => await IsReadyAsync(direct), timeout, $"{process.Name} reports itself ready");
            }
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + RecentLogs(), e);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes.Values)
        {
            await process.DisposeAsync();
        }

        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }

        foreach (var database in _databases.Values)
        {
            await database.DisposeAsync();
        }

        if (_dataDirectory is not null)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    /// <summary>The last lines of every process's output, for a failing test's message.</summary>
    public string RecentLogs(int linesPerService = 60) =>
        string.Join(Environment.NewLine, _processes.Values.SelectMany(p => p.Log.TakeLast(linesPerService)));

    private static async Task<bool> IsReadyAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private Dictionary<string, string> WithOptions(Dictionary<string, string> environment)
    {
        foreach (var (key, value) in _options.Environment)
        {
            environment[key] = value;
        }

        return environment;
    }
}
