using Microsoft.AspNetCore.Http;

namespace Changxing.ServiceDefaults.Hosting;

/// <summary>
/// Headers every answer carries (docs/SECURITY.md): no MIME sniffing, never framed, a Content-Security-Policy (a strict
/// one for pages, "load nothing" for API answers) and <c>Cache-Control: no-store</c> unless an endpoint chose its own,
/// so no shared cache keeps a token, a balance or a ticket. Set as the answer starts, so the gateway's values replace
/// the ones a downstream service sent.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// The API reference page (Scalar) runs its bundled script with an inline configuration and talks to this origin
    /// only; nothing else is loaded, framed or posted elsewhere.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var response = (HttpResponse)state;
            var headers = response.Headers;
            headers.Remove("Server"); // also a downstream service's, as the gateway passes it on
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true ? PagePolicy : ApiPolicy;
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
