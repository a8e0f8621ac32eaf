using Changxing.Messaging.Bus;
using Changxing.Messaging.Data;
using Changxing.Messaging.Sagas;
using Changxing.Ticketing.Allotments;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Redemptions;
using Changxing.Ticketing.Redemptions.Strikes;
using Changxing.Ticketing.Runs;
using Changxing.Ticketing.Search;
using Changxing.Ticketing.Seed;
using Changxing.Ticketing.Stations;
using Changxing.Ticketing.Tickets;
using Changxing.Ticketing.Trains;
using MassTransit;

namespace Changxing.Ticketing;

/// <summary>How the Ticketing service is composed, in the same five methods as every service's registration.</summary>
public static class TicketingRegistration
{
    /// <summary>
    /// The whole service: database (with the after-commit interceptor), domain, jobs, then the bus. The run calendar
    /// job is registered before the bus so the runs and the search read model are loaded before anything is consumed.
    /// </summary>
    public static WebApplicationBuilder AddTicketing(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TicketingDbContext, SqliteTicketingDbContext, PostgresTicketingDbContext, SqlServerTicketingDbContext>(
            o => TicketingDbContext.AddTicketingInterceptors(o));
        builder.Services.AddTicketingDomain(builder.Configuration).AddTicketingJobs();
        builder.AddServiceBus<TicketingDbContext>(bus => bus.AddTicketingMessaging());
        return builder;
    }

    /// <summary>Options, search, inventory, tickets and the redemption's helpers. Needs a <see cref="TicketingDbContext"/> and a <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddTicketingDomain(this IServiceCollection services, IConfiguration configuration)
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
        services.AddScoped<RunCalendar>();
        services.AddScoped<ReferenceDataSeeder>();
        return services;
    }

    /// <summary>Start-up seeding and the run calendar first (the read model must be loaded before requests), then the sweeper.</summary>
    public static IServiceCollection AddTicketingJobs(this IServiceCollection services)
    {
        services.AddSingleton<RunCalendarJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RunCalendarJob>());
        services.AddSingleton<HoldExpiryJob>();
        services.AddHostedService(sp => sp.GetRequiredService<HoldExpiryJob>());
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
