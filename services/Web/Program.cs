using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Logging;
using Changxing.Web.Account;
using Changxing.Web.Components;
using Changxing.Web.Gateway;
using Changxing.Web.Session;
using Changxing.Web.Staff.Reviewer;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceLogging();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();
builder.AddMemberSession();
builder.AddGatewayApi();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<SessionStarter>();
builder.Services.AddHealthChecks();

var app = builder.Build();
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
await app.RunAsync();
return 0;

/// <summary>Entry point; public so tests can host the web app in-process.</summary>
public partial class Program;
