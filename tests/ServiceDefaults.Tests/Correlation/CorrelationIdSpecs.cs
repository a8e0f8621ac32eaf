using Changxing.Messaging.Bus;
using Changxing.ServiceDefaults.Correlation;
using Changxing.ServiceDefaults.Hosting;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.ServiceDefaults.Tests.Correlation;

public sealed class CorrelationIdSpecs
{
    [Fact]
    public async Task Should_create_a_correlation_id_when_the_caller_sends_none_and_return_it()
    {
        await using var app = await StartAppAsync();
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(new Uri("/echo", UriKind.Relative));
        var returned = response.Headers.GetValues(CorrelationId.HeaderName).Single();

        Assert.Equal(32, returned.Length);
        Assert.Equal(returned, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_keep_the_callers_correlation_id()
    {
        await using var app = await StartAppAsync();
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.Add(CorrelationId.HeaderName, "order-42.retry_1");

        using var response = await client.GetAsync(new Uri("/echo", UriKind.Relative));

        Assert.Equal("order-42.retry_1", response.Headers.GetValues(CorrelationId.HeaderName).Single());
        Assert.Equal("order-42.retry_1", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("forged\u2028line")]
    [InlineData("<script>")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Should_replace_a_correlation_id_that_could_forge_log_lines(string unsafeId)
    {
        await using var app = await StartAppAsync();
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(CorrelationId.HeaderName, unsafeId);

        using var response = await client.GetAsync(new Uri("/echo", UriKind.Relative));

        Assert.NotEqual(unsafeId, response.Headers.GetValues(CorrelationId.HeaderName).Single());
    }

    [Fact]
    public async Task Should_carry_the_correlation_id_through_a_consumer_into_the_messages_it_publishes()
    {
        await using var provider = new ServiceCollection()
            .AddMassTransitTestHarness(x =>
            {
                x.AddConsumer<PingConsumer>();
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseCorrelationIdFilters(context);
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        CorrelationId.Current = "caller-7";
        await harness.Bus.Publish(new Ping());
        CorrelationId.Current = null;

        Assert.True(await harness.Published.Any<Pong>());
        var pong = harness.Published.Select<Pong>().Single();
        Assert.Equal("caller-7", pong.Context.Headers.Get<string>(CorrelationId.HeaderName));
        Assert.Equal("caller-7", pong.Context.Message.SeenCorrelationId);
    }

    private static async Task<WebApplication> StartAppAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGet("/echo", () => CorrelationId.Current ?? "none");
        await app.StartAsync();
        return app;
    }

    public sealed record Ping;

    public sealed record Pong(string? SeenCorrelationId);

    private sealed class PingConsumer : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context) => context.Publish(new Pong(CorrelationId.Current));
    }
}
