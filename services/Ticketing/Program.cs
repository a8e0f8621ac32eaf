using Changxing.Ticketing;
using Changxing.ServiceDefaults.Hosting;

return await ServiceHost.RunAsync(args, builder => builder.AddTicketing(), app => app.MapTicketingEndpoints());

/// <summary>Entry point; public so API tests can host the service in-process.</summary>
public partial class Program;
