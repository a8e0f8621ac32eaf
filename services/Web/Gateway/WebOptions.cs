namespace Changxing.Web.Gateway;

/// <summary>The <c>Web</c> section: where the gateway is, since the web app is one of its clients.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    public Uri GatewayAddress { get; set; } = new("http://127.0.0.1:5100");

    /// <summary>
    /// The gateway's address (addresses or CIDR networks) when it is not on this machine (docker-compose): only a request
    /// from one of them, or from the loopback, has its <c>X-Forwarded-For</c> believed as the browser's address.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];
}
