using Changxing.Membership;
using Changxing.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, builder => builder.AddMembership(), app => app.MapMembershipEndpoints());

/// <summary>Entry point; public so API tests can host the service in-process.</summary>
public partial class Program;
