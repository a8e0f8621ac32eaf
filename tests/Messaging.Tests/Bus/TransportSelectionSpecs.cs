using Changxing.Messaging.Bus;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Tests.Bus;

/// <summary>The in-memory transport reaches no other process, so only tests and a developer's machine may choose it.</summary>
public sealed class TransportSelectionSpecs
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Should_refuse_the_in_memory_transport_outside_development_and_tests(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Bus:Transport"] = "InMemory";

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddServiceBus(_ => { }));

        Assert.Contains("Bus:Transport", refused.Message, StringComparison.Ordinal);
        Assert.Contains(environment, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public async Task Should_start_the_in_memory_transport_in_development_and_tests(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Bus:Transport"] = "InMemory";
        builder.AddServiceBus(_ => { });
        await using var app = builder.Build();

        Assert.Equal("loopback", app.Services.GetRequiredService<IBus>().Address.Scheme);
    }

    [Fact]
    public void Should_use_RabbitMQ_in_Production_by_default()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.AddServiceBus(_ => { });
        using var app = builder.Build();

        Assert.Equal("rabbitmq", app.Services.GetRequiredService<IBus>().Address.Scheme);
    }
}
