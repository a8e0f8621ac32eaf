namespace Changxing.Web.Session;

public static class SessionEndpoints
{
    public const string SignOutPath = "/account/sign-out";
    public const string ExpiredPath = "/account/session-expired";

    /// <summary><see cref="ExpiredPath"/> for a user who was on <paramref name="returnUrl"/> (a path on this site).</summary>
    public static string Expired(string returnUrl) => $"{ExpiredPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    /// <summary>Sign-out ends the session; an expired token ends it too and asks the user to sign in again.</summary>
    public static WebApplication MapSessionEndpoints(this WebApplication app)
    {
        app.MapPost(SignOutPath, async (HttpContext http) =>
        {
            await SessionCookie.SignOutAsync(http);
            return Results.LocalRedirect("/");
        });
        app.MapGet(ExpiredPath, async (HttpContext http, string? returnUrl) =>
        {
            await SessionCookie.SignOutAsync(http);
            return Results.LocalRedirect(SignInRedirect.For(returnUrl, expired: true));
        });
        return app;
    }
}
