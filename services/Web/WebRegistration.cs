using Changxing.ServiceDefaults.Health;
using Changxing.Web.Account;
using Changxing.Web.Components;
using Changxing.Web.Gateway;
using Changxing.Web.Session;
using Changxing.Web.Staff.Reviewer;

namespace Changxing.Web;

/// <summary>
/// How the web app is composed: <see cref="AddWeb"/> and <see cref="MapWebEndpoints"/>, as every service's
/// registration has <c>Add&lt;Service&gt;</c> and <c>Map&lt;Service&gt;Endpoints</c>. It has no database or bus of its
/// own: everything goes through the gateway's API.
/// </summary>
public static class WebRegistration
{
    /// <summary>Razor components on the server, the member's session (cookie) and the typed gateway API client.</summary>
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.AddMemberSession();
        builder.AddGatewayApi();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<SessionStarter>();
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>The middleware in its order (forwarded headers first, antiforgery last), then health, assets, session and pages.</summary>
    public static WebApplication MapWebEndpoints(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseMiddleware<NoStoreForPages>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthEndpoints();
        app.MapStaticAssets();
        app.MapSessionEndpoints();
        app.MapReviewFileEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
