using Changxing.Points;
using Changxing.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, builder => builder.AddPoints(), app => app.MapPointsEndpoints());

/// <summary>Entry point; public so API tests can host the service in-process.</summary>
public partial class Program;
