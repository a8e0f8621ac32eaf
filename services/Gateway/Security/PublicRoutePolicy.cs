using Microsoft.AspNetCore.Authorization;

namespace Changxing.Gateway.Security;

/// <summary>
/// Routes open to anonymous callers (sign-up, sign-in, stations, trains, search) still refuse a token that is
/// present but invalid, expired or tampered with: the gateway never forwards a bad token.
/// </summary>
public static class PublicRoutePolicy
{
    public const string Name = "public";

    public static AuthorizationBuilder AddPublicRoutePolicy(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(Name, p => p.RequireAssertion(ctx =>
            ctx.User.Identity?.IsAuthenticated == true
            || ctx.Resource is not HttpContext http
            || !http.Request.Headers.Authorization.Any(v => !string.IsNullOrEmpty(v))));
}
