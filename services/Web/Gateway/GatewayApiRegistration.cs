namespace Changxing.Web.Gateway;

public static class GatewayApiRegistration
{
    /// <summary>The typed client on the gateway (<c>Web:GatewayAddress</c>), telling it the browser's address.</summary>
    public static WebApplicationBuilder AddGatewayApi(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        builder.Services.AddTransient<ForwardedForHandler>();
        builder.Services.AddHttpClient<GatewayApi>(c =>
        {
            c.BaseAddress = options.GatewayAddress;
            c.Timeout = TimeSpan.FromSeconds(30);
        }).AddHttpMessageHandler<ForwardedForHandler>();
        return builder;
    }
}
