using System.Net;
using System.Net.Http.Json;
using Changxing.Membership.Accounts;
using Changxing.Membership.Staff;
using Changxing.Membership.Tests.Support;
using Changxing.ServiceDefaults.Hosting;
using Changxing.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Changxing.Membership.Tests.Hosting;

/// <summary>
/// Development shortcuts the service refuses to start with outside Development: a shifted clock (which would let
/// a beneficiary skip the 60 days), the development identity verifiers and the development staff passwords.
/// Each case starts the real Program on the test database with one shortcut left in.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class StartupRefusalSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private const string ProductionSigningKey = "a-production-signing-key-of-more-than-32-bytes";
    private const string ProductionConsumptionPasswordKey = "a-production-consumption-password-key-of-more-than-32-bytes";

    // Production refuses the in-memory transport, so these hosts use RabbitMQ, in a virtual host of their own.
    private RabbitMqVirtualHost _virtualHost = null!;

    public async Task InitializeAsync() => _virtualHost = await RabbitMqVirtualHost.CreateAsync("membership-production");

    public async Task DisposeAsync() => await _virtualHost.DisposeAsync();

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Should_refuse_to_start_with_a_shifted_development_clock_outside_development(string environment)
    {
        var error = StartupError(environment, (DevelopmentClock.OffsetDaysKey, "61"), ("Membership:UseDevelopmentVerifiers", "true"));
        Assert.Contains(DevelopmentClock.OffsetDaysKey, error);
    }

    [Fact]
    public void Should_refuse_to_start_in_production_with_the_development_verifiers_unless_told_it_is_a_demonstration()
    {
        var error = StartupError("Production");
        Assert.Contains("UseDevelopmentVerifiers", error);
    }

    [Fact]
    public void Should_refuse_to_start_in_production_with_a_development_staff_password()
    {
        var error = StartupError("Production", ("Membership:UseDevelopmentVerifiers", "true"),
            ("Membership:Staff:0:UserName", "reviewer-prod"), ("Membership:Staff:0:Password", StaffSeed.DevelopmentPrefix + "Reviewer-2026"),
            ("Membership:Staff:0:Role", "reviewer"));
        Assert.Contains("development default password", error);
    }

    [Fact]
    public void Should_refuse_to_start_in_production_with_the_development_consumption_password_key()
    {
        var error = StartupError("Production", ("Membership:UseDevelopmentVerifiers", "true"),
            ("Membership:ConsumptionPasswordKeys:2026a", MembershipOptions.DevelopmentConsumptionPasswordKey));
        Assert.Contains("development consumption password key is refused in Production", error);
    }

    [Fact]
    public async Task Should_start_in_production_without_development_shortcuts_and_seed_a_staff_account_with_a_real_password()
    {
        await using var production = InEnvironment("Production", ("Membership:UseDevelopmentVerifiers", "true"),
            ("Membership:Staff:0:UserName", "reviewer-prod"), ("Membership:Staff:0:Password", "Prod-Reviewer-2026"), ("Membership:Staff:0:Role", "reviewer"));

        var signIn = await production.CreateClient().PostAsJsonAsync("/api/membership/staff/sign-in", new StaffSignInRequest("reviewer-prod", "Prod-Reviewer-2026"));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        // appsettings.Development.json, with its dev-only accounts, is not read in Production.
        var devDefault = await production.CreateClient().PostAsJsonAsync("/api/membership/staff/sign-in", new StaffSignInRequest("operator", "dev-only-Operator-2026"));
        Assert.Equal(HttpStatusCode.Unauthorized, devDefault.StatusCode);
    }

    private WebApplicationFactory<Program> InEnvironment(string environment, params (string Key, string Value)[] settings) =>
        factory.WithWebHostBuilder(b =>
        {
            b.UseEnvironment(environment);
            b.UseSetting("Bus:Transport", "RabbitMq");
            b.UseSetting("Bus:Outbox", "Database");
            b.UseSetting("RabbitMq:VirtualHost", _virtualHost.Name);
            b.UseSetting("Auth:SigningKey", ProductionSigningKey);
            b.UseSetting("Membership:PassengerKeySecret", "a-production-passenger-key-of-more-than-32-bytes");
            b.UseSetting("Membership:ConsumptionPasswordKeys:2026a", ProductionConsumptionPasswordKey);
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    /// <summary>The message of the start-up refusal, wherever the host wraps it.</summary>
    private string StartupError(string environment, params (string Key, string Value)[] settings)
    {
        using var host = InEnvironment(environment, settings);
        var thrown = Assert.ThrowsAny<Exception>(() => host.Server);
        var chain = new List<Exception>();
        for (var e = thrown; e is not null; e = e.InnerException)
        {
            chain.Add(e);
        }

        return chain.OfType<InvalidOperationException>().LastOrDefault()?.Message
            ?? throw new Xunit.Sdk.XunitException($"Start-up failed without a refusal: {thrown}");
    }
}
