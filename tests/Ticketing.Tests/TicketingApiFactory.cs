using Changxing.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

/// <summary>The real service (seeded reference data, 60 days of runs) with MassTransit's harness to see what it publishes.</summary>
public sealed class TicketingApiFactory : ServiceApiFactory<Program>
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddMassTransitTestHarness();
    }
}
