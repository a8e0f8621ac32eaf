using Changxing.TestSupport;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

/// <summary>The real service (seeded reference data, 60 days of runs) with MassTransit's harness to see what it publishes.</summary>
public sealed class TicketingApiFactory : ServiceApiFactory<Program>
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddMassTransitTestHarness();

        // Tokens are minted on the fake clock; validate their lifetime on the same clock, not the machine's.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            o.TokenValidationParameters.LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = Clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore <= now.AddSeconds(30)) && (expires is null || expires > now.AddSeconds(-30));
            });
    }
}
