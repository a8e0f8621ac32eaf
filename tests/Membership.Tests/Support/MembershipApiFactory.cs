using Changxing.Contracts.Points;
using Changxing.TestSupport;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Membership.Tests.Support;

/// <summary>
/// The Membership service in-process on a real test database, MassTransit's test harness (which keeps the
/// service's consumers and records what is published), a fake clock and a temporary upload folder.
/// Staff accounts come from appsettings.Development.json, as in a development run.
/// </summary>
public sealed class MembershipApiFactory : ServiceApiFactory<Program>
{
    public const long MaxImageBytes = 64 * 1024;
    public const long MaxVideoBytes = 256 * 1024;

    public string UploadDirectory { get; } = Directory.CreateTempSubdirectory("changxing-uploads-").FullName;

    public ITestHarness Harness => Services.GetTestHarness();

    /// <summary>Publishes a PointsCredited event for the member, which puts one message in their inbox.</summary>
    public Task PublishPointsCreditedAsync(Guid memberId, long points) =>
        Harness.Bus.Publish(new PointsCredited(memberId, Guid.NewGuid(), points, "Trip", null, new DateOnly(2027, 3, 1), points, Clock.GetUtcNow()));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Membership:UploadDirectory", UploadDirectory);
        builder.UseSetting("Membership:MaxImageBytes", MaxImageBytes.ToString());
        builder.UseSetting("Membership:MaxVideoBytes", MaxVideoBytes.ToString());
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddMassTransitTestHarness();

        // Tokens are issued on the fake clock (TokenIssuer takes TimeProvider); validate their lifetime on it too,
        // or a token minted at the fake "now" looks expired against the wall clock.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = Clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore <= now + parameters.ClockSkew) && (expires is null || expires > now - parameters.ClockSkew);
            });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(UploadDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder: the OS cleans it.
        }

        GC.SuppressFinalize(this);
    }
}
