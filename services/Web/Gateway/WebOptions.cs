namespace Changxing.Web.Gateway;

/// <summary>The <c>Web</c> section: where the gateway is, since the web app is one of its clients.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    public Uri GatewayAddress { get; set; } = new("http://127.0.0.1:5100");
}
