using Changxing.Points.Accrual;
using Changxing.Points.BackRegistration;
using Changxing.Points.Data;
using Changxing.Points.Expiry;
using Changxing.Points.Holds;
using Changxing.Points.Ledger;
using Changxing.Points.Members;
using Changxing.Points.Refunds;

namespace Changxing.Points;

public static class PointsServices
{
    /// <summary>The ledger's domain services. Needs a <see cref="PointsDbContext"/>, <c>DatabaseSettings</c> and a <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddPointsLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PointsOptions>().Bind(configuration.GetSection(PointsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BusinessCalendar>();
        services.AddSingleton<LotPolicy>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddScoped<MemberTransactions>();
        services.AddScoped<MemberDirectory>();
        services.AddScoped<TicketAccrual>();
        services.AddScoped<TicketFactsLookup>();
        services.AddScoped<HoldBook>();
        services.AddScoped<LedgerReader>();
        services.AddScoped<ForceMajeureRefunds>();
        services.AddSingleton<HoldSweeper>();
        services.AddSingleton<LotExpiryJob>();
        return services;
    }

    /// <summary>The expiry job and the hold sweeper, unless <see cref="PointsOptions.RunBackgroundJobs"/> is off.</summary>
    public static IServiceCollection AddPointsJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PointsOptions.Section).Get<PointsOptions>() ?? new PointsOptions();
        if (options.RunBackgroundJobs)
        {
            services.AddHostedService<LotExpiryService>();
            services.AddHostedService<HoldSweeperService>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapPointsEndpoints(this IEndpointRouteBuilder app) =>
        app.MapBalanceEndpoints().MapBackRegistrationEndpoints().MapRefundEndpoints();
}
