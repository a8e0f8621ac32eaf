using Changxing.Web.Gateway;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace Changxing.Web.Session;

public static class MemberSessionRegistration
{
    /// <summary>Cookie authentication for members and staff, and the forwarded headers of the gateway in front.</summary>
    public static WebApplicationBuilder AddMemberSession(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = SessionCookie.Name;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/forbidden";
                o.ReturnUrlParameter = "returnUrl";
                o.SlidingExpiration = false;
                o.Events.OnRedirectToLogin = SessionCookie.RedirectToSignInAsync;
            });
        builder.Services.AddAuthorization();
        // The keys that encrypt the cookie; kept in a directory (a volume in docker-compose) when one is configured,
        // so a restart does not sign everyone out.
        var keys = builder.Configuration["DataProtection:KeyDirectory"];
        var protection = builder.Services.AddDataProtection().SetApplicationName("changxing-web");
        if (!string.IsNullOrEmpty(keys))
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }

        builder.Services.AddScoped<SessionToken>();
        // The gateway (YARP) forwards the original Host and adds X-Forwarded-For/Proto: believed from the loopback (the
        // default) and from the gateway's address when it is configured (Web:TrustedProxies).
        var trusted = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>()?.TrustedProxies ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var entry in trusted)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    o.KnownProxies.Add(System.Net.IPAddress.Parse(entry));
                }
            }
        });
        return builder;
    }
}
