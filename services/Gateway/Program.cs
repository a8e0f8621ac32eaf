using Changxing.Gateway;
using Changxing.Gateway.Forwarding;
using Changxing.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, builder => builder.AddGateway(), app => app.MapGatewayEndpoints(), beforeDefaults: app => app.UseTrustedProxies());

/// <summary>Entry point; public so tests can host the gateway in-process.</summary>
public partial class Program;
