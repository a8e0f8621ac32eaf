using Changxing.Points.Accrual;
using Changxing.Points.BackRegistration;
using Changxing.Points.Data;
using Changxing.Points.Expiry;
using Changxing.Points.Holds;
using Changxing.Points.Ledger;
using Changxing.Points.Members;
using Changxing.Points.Refunds;
using Changxing.Messaging.Bus;
using Changxing.Messaging.Data;
using MassTransit;

namespace Changxing.Points;

/// <summary>
/// How the Points service is composed; every service has one such class with the same five methods
/// (<c>Add&lt;Service&gt;</c>, <c>…Domain</c>, <c>…Jobs</c>, <c>…Messaging</c>, <c>Map…Endpoints</c>) and a Program.cs that
/// calls only the first and the last.
/// </summary>
public static class PointsRegistration
{
    /// <summary>The whole service: database, domain, jobs, then the bus (consumers start once the ledger is ready).</summary>
    public static WebApplicationBuilder AddPoints(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PointsDbContext, SqlitePointsDbContext, PostgresPointsDbContext, SqlServerPointsDbContext>();
        builder.Services.AddPointsDomain(builder.Configuration).AddPointsJobs(builder.Configuration);
        builder.AddServiceBus<PointsDbContext>(bus => bus.AddPointsMessaging());
        return builder;
    }

    /// <summary>The ledger's domain services. Needs a <see cref="PointsDbContext"/>, <c>DatabaseSettings</c> and a <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddPointsDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PointsOptions>().Bind(configuration.GetSection(PointsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BusinessCalendar>();
        services.AddSingleton<LotPolicy>();
        services.AddScoped<MemberTransactions>();
        services.AddScoped<MemberDirectory>();
        services.AddScoped<TicketAccrual>();
        services.AddScoped<TicketFactsLookup>();
        services.AddScoped<HoldBook>();
        services.AddScoped<LedgerReader>();
        services.AddScoped<ForceMajeureRefunds>();
        services.AddSingleton<HoldSweeper>();
        services.AddSingleton<LotExpiry>();
        return services;
    }

    /// <summary>The expiry job and the hold sweep, unless <see cref="PointsOptions.RunBackgroundJobs"/> is off.</summary>
    public static IServiceCollection AddPointsJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PointsOptions.Section).Get<PointsOptions>() ?? new PointsOptions();
        if (options.RunBackgroundJobs)
        {
            services.AddHostedService<LotExpiryJob>();
            services.AddHostedService<HoldSweepJob>();
        }

        return services;
    }

    /// <summary>The ledger's consumers: accrual, holds, captures, releases and refunds.</summary>
    public static IBusRegistrationConfigurator AddPointsMessaging(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumers(typeof(PointsRegistration).Assembly);
        return bus;
    }

    public static IEndpointRouteBuilder MapPointsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapBalanceEndpoints().MapBackRegistrationEndpoints().MapRefundEndpoints();
}
