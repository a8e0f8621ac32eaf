using Changxing.ServiceDefaults.Health;
using Microsoft.AspNetCore.Builder;

namespace Changxing.ServiceDefaults.Hosting;

/// <summary>
/// The entry point every service shares, so each Program.cs is one line: the container's health probe when asked for,
/// otherwise the host with the service defaults around the service's own registration and endpoints.
/// </summary>
public static class ServiceHost
{
    /// <param name="addService">The service's <c>Add&lt;Service&gt;</c>.</param>
    /// <param name="mapService">The service's <c>Map&lt;Service&gt;Endpoints</c>.</param>
    /// <param name="beforeDefaults">Middleware that must run before the defaults' (the gateway's trusted proxies).</param>
    public static async Task<int> RunAsync(
        string[] args, Action<WebApplicationBuilder> addService, Action<WebApplication> mapService, Action<WebApplication>? beforeDefaults = null)
    {
        if (HealthProbe.IsRequested(args))
        {
            return await HealthProbe.RunAsync(args);
        }

        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        addService(builder);

        var app = builder.Build();
        beforeDefaults?.Invoke(app);
        app.MapServiceDefaults();
        mapService(app);
        await app.RunAsync();
        return 0;
    }
}
