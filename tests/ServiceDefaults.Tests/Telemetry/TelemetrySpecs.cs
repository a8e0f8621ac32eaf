using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Changxing.Messaging.Bus;
using Changxing.ServiceDefaults.Telemetry;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Changxing.ServiceDefaults.Tests.Telemetry;

/// <summary>Traces and metrics of ASP.NET Core and MassTransit, exported over OTLP only when an endpoint is configured.</summary>
public sealed class TelemetrySpecs
{
    private const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    [Fact]
    public void Should_register_no_OTLP_exporter_without_an_endpoint()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration[OtlpEndpointKey] = "";

        builder.AddServiceTelemetry();

        Assert.DoesNotContain(builder.Services, IsOtlpExporterService);
    }

    [Fact]
    public async Task Should_export_traces_over_OTLP_to_the_configured_endpoint()
    {
        var port = LoopbackPort.Free();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration[OtlpEndpointKey] = $"http://127.0.0.1:{port}";
        builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        builder.AddServiceTelemetry();
        await using var app = builder.Build();
        app.MapGet("/ping", () => Results.Ok());
        await app.StartAsync();

        Assert.Contains(builder.Services, IsOtlpExporterService);
        var traces = CollectAsync(collector, "/v1/traces");
        using (var client = app.GetTestClient())
        {
            using var _ = await client.GetAsync(new Uri("/ping", UriKind.Relative));
        }

        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.Equal("POST", await traces.WaitAsync(TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task Should_trace_a_request_and_the_message_it_published_in_one_trace_and_measure_the_request()
    {
        var activities = new List<Activity>();
        var metrics = new List<Metric>();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration["Bus:Transport"] = "InMemory";
        builder.AddServiceTelemetry();
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(activities));
        builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        builder.Services.AddSingleton<TelemetryPingReceived>();
        builder.AddServiceBus(x => x.AddConsumer<TelemetryPingConsumer>());
        await using var app = builder.Build();
        app.MapPost("/ping", async (IPublishEndpoint bus) =>
        {
            await bus.Publish(new TelemetryPing(Guid.NewGuid()));
            return Results.Accepted();
        });
        await app.StartAsync();

        using (var client = app.GetTestClient())
        {
            using var response = await client.PostAsync(new Uri("/ping", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await app.Services.GetRequiredService<TelemetryPingReceived>().Signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var tracer = app.Services.GetRequiredService<TracerProvider>();
        await Eventually.Until(() => Task.FromResult(tracer.ForceFlush() && Snapshot(activities).Any(IsConsume)),
            because: "the consume activity ends after the consumer returns");
        Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush());

        // Activity sources are process-wide: other tests' hosts may be tracing at the same time.
        var request = Snapshot(activities).Single(a => a.Source.Name == "Microsoft.AspNetCore" && a.DisplayName == "POST /ping");
        Assert.Contains(Snapshot(activities), a => IsConsume(a) && a.TraceId == request.TraceId);
        Assert.Contains(metrics, m => m.MeterName == "Microsoft.AspNetCore.Hosting");
    }

    [Fact]
    public async Task Should_collect_the_MassTransit_meter()
    {
        var metrics = new List<Metric>();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.AddServiceTelemetry();
        builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
        await using var app = builder.Build();
        var provider = app.Services.GetRequiredService<MeterProvider>();
        // MassTransit keeps its instruments in static state shared by every host of a process, so after an earlier
        // test's host is disposed they may stop publishing here; a measurement on a meter of MassTransit's name shows
        // the pipeline takes it.
        using var meter = new Meter(InstrumentationOptions.MeterName);
        meter.CreateCounter<long>("messaging.masstransit.consume").Add(1);

        Assert.True(provider.ForceFlush());
        Assert.Contains(metrics, m => m.MeterName == "MassTransit" && m.Name == "messaging.masstransit.consume");
    }

    /// <summary>Answers the exporter's posts (traces, metrics, logs in any order) until one arrives on <paramref name="path"/>; returns its method.</summary>
    private static async Task<string> CollectAsync(HttpListener collector, string path)
    {
        while (true)
        {
            var context = await collector.GetContextAsync();
            context.Response.StatusCode = 200;
            context.Response.Close();
            if (context.Request.Url!.AbsolutePath == path)
            {
                return context.Request.HttpMethod;
            }
        }
    }

    /// <summary>A registration made by the OTLP exporter package (its options, its exporter builder).</summary>
    private static bool IsOtlpExporterService(ServiceDescriptor descriptor) =>
        new[] { descriptor.ServiceType, descriptor.ImplementationType, descriptor.ImplementationInstance?.GetType() }
            .Concat(descriptor.ServiceType.GenericTypeArguments)
            .Any(t => t?.Assembly.GetName().Name == "OpenTelemetry.Exporter.OpenTelemetryProtocol");

    private static Activity[] Snapshot(List<Activity> activities) => [.. activities];

    private static bool IsConsume(Activity activity) => activity.Source.Name == "MassTransit" && activity.Kind == ActivityKind.Consumer;
}
