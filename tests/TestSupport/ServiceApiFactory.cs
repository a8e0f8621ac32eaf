using System.Net.Http.Headers;
using Changxing.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Changxing.TestSupport;

/// <summary>
/// Hosts one service in-process through its real HTTP pipeline, on a real test database
/// (<see cref="TestDatabase"/>), MassTransit's in-memory transport and a fake clock. Use as a class fixture.
/// </summary>
public class ServiceApiFactory<TProgram> : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
{
    private TestDatabase? _database;

    /// <summary>Starts at a fixed, known instant so date rules are reproducible.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));

    public TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public virtual async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>An HTTP client whose requests carry a valid token for this subject and roles.</summary>
    public HttpClient CreateClientFor(Guid subject, params string[] roles)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<TokenIssuer>().Issue(subject, "test-user", roles.Length == 0 ? [Roles.Member] : roles);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Bus:Transport", "InMemory");

        // The harness lists what is published as it is published; the database outbox (covered by OutboxSpecs and
        // the end-to-end suites) delivers later, as sends it does not list as publishes.
        builder.UseSetting("Bus:Outbox", "InMemory");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);

            // Tokens are minted on the fake clock: check their lifetime on the same clock, not the machine's.
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
                o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
                {
                    var now = Clock.GetUtcNow().UtcDateTime;
                    var skew = parameters.ClockSkew;
                    return (notBefore is null || notBefore <= now + skew) && (expires is null || expires > now - skew);
                });
            ConfigureTestServices(services);
        });
    }

    /// <summary>Override to replace services (e.g. add MassTransit's test harness).</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }
}
