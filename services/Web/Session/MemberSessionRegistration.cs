using Microsoft.AspNetCore.Authentication.Cookies;
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
            });
        builder.Services.AddAuthorization();
        builder.Services.AddScoped<SessionToken>();
        // The gateway (YARP) forwards the original Host and adds X-Forwarded-For/Proto.
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        return builder;
    }
}
