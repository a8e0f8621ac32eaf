using Changxing.Messaging.Bus;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Changxing.Messaging.Tests.Bus;

/// <summary>A service's bus sends nothing beyond its broker: MassTransit's usage telemetry (on by default since 8.4) is off.</summary>
public sealed class UsageTelemetrySpecs
{
    [Fact]
    public async Task Should_not_report_usage_telemetry_to_the_MassTransit_vendor()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration["Bus:Transport"] = "InMemory";
        builder.AddServiceBus(_ => { });
        await using var app = builder.Build();

        Assert.False(app.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
