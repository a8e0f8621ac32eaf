namespace Changxing.Web.Gateway;

/// <summary>
/// Tells the gateway whose request an API call is made for: the browser's address goes in <c>X-Forwarded-For</c>, so
/// the gateway's per-address limits (10 sign-ins a minute) count each browser, not the web app. The gateway believes
/// the header only from the addresses in its <c>Gateway:TrustedProxies</c>, where the web app's address is listed.
/// Calls made from an interactive circuit have no request of their own and send no header (they carry a token, and the
/// gateway counts them per member).
/// </summary>
public sealed class ForwardedForHandler(IHttpContextAccessor httpContext) : DelegatingHandler
{
    public const string HeaderName = "X-Forwarded-For";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The browser's address as this app's forwarded-headers middleware worked it out from the gateway's own header.
        var browser = httpContext.HttpContext?.Connection.RemoteIpAddress;
        request.Headers.Remove(HeaderName);
        if (browser is not null)
        {
            request.Headers.TryAddWithoutValidation(HeaderName, (browser.IsIPv4MappedToIPv6 ? browser.MapToIPv4() : browser).ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
