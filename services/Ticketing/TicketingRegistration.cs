using Changxing.Ticketing.Allotments;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Runs;
using Changxing.Ticketing.Search;
using Changxing.Ticketing.Seed;
using Changxing.Ticketing.Stations;
using Changxing.Ticketing.Tickets;
using Changxing.Ticketing.Trains;

namespace Changxing.Ticketing;

public static class TicketingRegistration
{
    /// <summary>The service's own parts; the database and bus come from ServiceDefaults.</summary>
    public static IServiceCollection AddTicketing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<TicketingOptions>(configuration.GetSection(TicketingOptions.Section));
        services.AddSingleton<SearchReadModel>();
        services.AddSingleton<TrainSearch>();
        services.AddSingleton<RunGate>();
        services.AddScoped<RunLocks>();
        services.AddScoped<SeatInventory>();
        services.AddScoped<TicketOffice>();
        services.AddScoped<RunCalendar>();
        services.AddScoped<ReferenceDataSeeder>();
        return services;
    }

    /// <summary>Start-up seeding and the run calendar first (the read model must be loaded before requests), then the sweeper.</summary>
    public static IServiceCollection AddTicketingBackgroundServices(this IServiceCollection services)
    {
        services.AddSingleton<RunCalendarService>();
        services.AddHostedService(sp => sp.GetRequiredService<RunCalendarService>());
        services.AddSingleton<HoldExpirySweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<HoldExpirySweeper>());
        return services;
    }

    public static IEndpointRouteBuilder MapTicketingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapSearchEndpoints();
        app.MapStationEndpoints();
        app.MapTrainEndpoints();
        app.MapRunEndpoints();
        app.MapAllotmentEndpoints();
        app.MapTicketEndpoints();
        return app;
    }
}
