using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Gateway.Tests;

/// <summary>A real Kestrel server standing in for one service: it names itself and the path it received, and its readiness can be switched.</summary>
internal sealed class FakeDownstreamService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDownstreamService(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public bool Ready { get; set; } = true;

    public string Address => _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();

    public static async Task<FakeDownstreamService> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var service = new FakeDownstreamService(name, app);
        app.MapGet("/health/ready", () => service.Ready ? Results.Ok() : Results.StatusCode(503));
        app.Map("/{**path}", (HttpContext context) => $"{name} {context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
        await app.StartAsync();
        return service;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
