using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Gateway.Tests;

/// <summary>
/// A real Kestrel server standing in for one service: it names itself and the path it received, counts what
/// reached it, serves a small OpenAPI document, can be slow, and its readiness can be switched.
/// </summary>
internal sealed class FakeDownstreamService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _forwarded;

    private FakeDownstreamService(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public bool Ready { get; set; } = true;

    public int Forwarded => _forwarded;

    public string? LastAuthorization { get; private set; }

    public string? LastCorrelationId { get; private set; }

    public string Address => _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

    public static async Task<FakeDownstreamService> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var service = new FakeDownstreamService(name, app);
        app.MapGet("/health/ready", () => service.Ready ? Results.Ok() : Results.StatusCode(503));
        app.MapGet("/health/live", () => Results.Ok()); // the gateway's active health check, not a forwarded request
        app.MapGet("/openapi/v1.json", () => Results.Text(
            """{"openapi":"3.1.1","paths":{"/api/NAME/things":{"get":{"operationId":"NAMEThings"}},"/health/ready":{}},"components":{"schemas":{"NAMEThing":{"type":"object"}}}}""".Replace("NAME", name, StringComparison.Ordinal),
            "application/json"));
        app.Map("/api/{service}/slow", async (CancellationToken ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            return "late";
        });
        app.Map("/{**path}", async (HttpContext context) =>
        {
            Interlocked.Increment(ref service._forwarded);
            service.LastAuthorization = context.Request.Headers.Authorization.ToString();
            service.LastCorrelationId = context.Request.Headers["X-Correlation-Id"].ToString();
            using var reader = new StreamReader(context.Request.Body);
            await reader.ReadToEndAsync();
            return $"{name} {context.Request.Method} {context.Request.Path}{context.Request.QueryString}";
        });
        await app.StartAsync();
        return service;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
