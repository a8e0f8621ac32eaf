using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Changxing.Gateway.Forwarding;

/// <summary>
/// The load balancers in front of the gateway (<c>Gateway:TrustedProxies</c>: addresses or CIDR networks). Only a
/// request arriving from one of them has its <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> believed (the last
/// hop only), so the per-address rate limits see the real client behind a load balancer. With none configured the
/// headers are ignored altogether: a caller cannot pick a fresh address for each request by writing the header.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "Gateway:TrustedProxies";

    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var entries = builder.Configuration.GetSection(Section).Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in entries)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    o.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
        return builder;
    }

    /// <summary>Reads the forwarded headers when proxies are trusted; the middleware trusts every sender when its lists are empty, so it is left out then.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        if (app.Configuration.GetSection(Section).Get<string[]>() is { Length: > 0 })
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
