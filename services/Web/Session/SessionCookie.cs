using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Changxing.Web.Session;

/// <summary>
/// Starts and ends the session: a data-protection encrypted, HttpOnly, SameSite=Strict cookie holding the API token as a
/// claim. It expires with the token, so an expired token sends the user back to sign in.
/// </summary>
public static class SessionCookie
{
    public const string Name = "changxing.session";

    public static Task SignInAsync(HttpContext http, SignedIn signedIn, string displayName)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, signedIn.SubjectId.ToString()),
            new(ClaimTypes.Name, displayName),
            new(SessionClaims.SubjectId, signedIn.SubjectId.ToString()),
            new(SessionClaims.DisplayName, displayName),
            new(SessionClaims.AccessToken, signedIn.AccessToken),
        };
        claims.AddRange(signedIn.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, new AuthenticationProperties
        {
            ExpiresUtc = signedIn.ExpiresAt,
            IsPersistent = false,
            AllowRefresh = false,
        });
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

    /// <summary>
    /// A page that needs a signed-in user was asked for without a valid session. When the browser still sent the
    /// session cookie, the session ran out with its token: the cookie is removed and the sign-in page says so; either
    /// way the user comes back to the page after signing in.
    /// </summary>
    public static Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var http = context.HttpContext;
        var expired = http.Request.Cookies.ContainsKey(Name);
        if (expired)
        {
            context.Options.CookieManager.DeleteCookie(http, Name, context.Options.Cookie.Build(http));
        }

        context.Response.Redirect(SignInRedirect.For(http.Request.PathBase + http.Request.Path + http.Request.QueryString, expired));
        return Task.CompletedTask;
    }
}
