using Changxing.Ticketing.Allotments;
using Changxing.ServiceDefaults.Sagas;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Redemptions;
using Changxing.Ticketing.Redemptions.Strikes;
using MassTransit;
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
        services.AddOptions<TicketingOptions>().Bind(configuration.GetSection(TicketingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RedemptionOptions>().Bind(configuration.GetSection(RedemptionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StepDeadlineOptions>().Bind(configuration.GetSection(StepDeadlineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SearchReadModel>();
        services.AddSingleton<TrainSearch>();
        services.AddSingleton<RunGate>();
        services.AddScoped<RunLocks>();
        services.AddScoped<SeatInventory>();
        services.AddScoped<TicketOffice>();
        services.AddScoped<IRedemptionTicketIssuer>(sp => sp.GetRequiredService<TicketOffice>());
        services.AddScoped<IssueRedemptionTicketActivity>();
        services.AddSingleton<RedemptionWaiters>();
        services.AddScoped<ICompletedRedemptions, StoredCompletedRedemptions>();
        services.AddPublishObserver<RedemptionOutcomeObserver>();
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

    /// <summary>The inventory and ticket consumers, the redemption saga and the strike counter, both persisted beside Ticketing's tables.</summary>
    public static IBusRegistrationConfigurator AddTicketingMessaging(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumers(typeof(TicketingRegistration).Assembly);
        bus.AddSagaStateMachine<RedemptionStateMachine, RedemptionState>()
            .EntityFrameworkRepository(r => r.ExistingDbContext<TicketingDbContext>());
        bus.AddSagaStateMachine<PaymentStrikeStateMachine, PaymentStrikeState>()
            .EntityFrameworkRepository(r => r.ExistingDbContext<TicketingDbContext>());
        return bus;
    }

    public static IEndpointRouteBuilder MapTicketingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapSearchEndpoints();
        app.MapStationEndpoints();
        app.MapTrainEndpoints();
        app.MapRunEndpoints();
        app.MapAllotmentEndpoints();
        app.MapTicketEndpoints();
        app.MapRedemptionEndpoints();
        return app;
    }
}
