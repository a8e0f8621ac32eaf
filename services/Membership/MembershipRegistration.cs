using System.Text.Json.Serialization;
using Changxing.Membership.Accounts;
using Changxing.Membership.Activation;
using Changxing.Membership.Beneficiaries;
using Changxing.Membership.ConsumptionPassword;
using Changxing.Membership.Data;
using Changxing.Membership.Notifications;
using Changxing.Membership.PaymentAuthorisations;
using Changxing.Membership.Staff;
using Changxing.Membership.SupportTickets;
using Changxing.Membership.Uploads;
using Changxing.Messaging.Bus;
using Changxing.Messaging.Data;
using MassTransit;

namespace Changxing.Membership;

/// <summary>How the Membership service is composed, in the same five methods as every service's registration.</summary>
public static class MembershipRegistration
{
    /// <summary>
    /// The whole service: database, then the bus, then domain and jobs, so the start-up jobs (staff seeding, the
    /// activation announcer, which publishes) find both ready.
    /// </summary>
    public static WebApplicationBuilder AddMembership(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<MembershipDbContext, SqliteMembershipDbContext, PostgresMembershipDbContext, SqlServerMembershipDbContext>();
        builder.AddServiceBus<MembershipDbContext>(bus => bus.AddMembershipMessaging());
        builder.Services.AddMembershipDomain(builder.Configuration, builder.Environment).AddMembershipJobs();
        return builder;
    }

    /// <summary>Options, hashers, verifiers, uploads and notifications. The consumption-password key is checked here, at start-up.</summary>
    public static IServiceCollection AddMembershipDomain(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(MembershipOptions.Section);
        services.Configure<MembershipOptions>(section);
        services.AddOptions<NotificationStreamOptions>().BindConfiguration(NotificationStreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var secretHasher = new SecretHasher();
        services.AddSingleton(secretHasher);
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<PersonKeyHasher>();

        // Built here so a missing or development key stops the service at start-up, not at the first payment.
        services.AddSingleton(new ConsumptionPasswordHasher(
            Microsoft.Extensions.Options.Options.Create(section.Get<MembershipOptions>() ?? new MembershipOptions()), environment, secretHasher));
        services.AddSingleton<UploadPolicy>();
        services.AddSingleton<ContentAddressedFileStore>();
        services.AddSingleton<NotificationStream>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<ActivationAnnouncer>();

        if (environment.IsProduction() && !section.GetValue<bool>("UseDevelopmentVerifiers"))
        {
            throw new InvalidOperationException(
                "Production needs real identity verifiers (IRealNameVerifier, IFaceVerifier). Set Membership__UseDevelopmentVerifiers=true " +
                "only for a demonstration deployment: the development ones make no identity judgement.");
        }

        services.AddSingleton<IRealNameVerifier, DevelopmentRealNameVerifier>();
        services.AddSingleton<IFaceVerifier, DevelopmentFaceVerifier>();
        return services;
    }

    /// <summary>Staff seeding at start-up, the beneficiary-effective job and the activation announcer.</summary>
    public static IServiceCollection AddMembershipJobs(this IServiceCollection services)
    {
        services.AddHostedService<StaffSeeder>();
        services.AddSingleton<BeneficiaryEffectiveJob>();
        services.AddHostedService(sp => sp.GetRequiredService<BeneficiaryEffectiveJob>());
        services.AddSingleton<ActivationAnnouncementJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ActivationAnnouncementJob>());
        return services;
    }

    /// <summary>Payment authorisation, support tickets and the member's notifications.</summary>
    public static IBusRegistrationConfigurator AddMembershipMessaging(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumers(typeof(MembershipRegistration).Assembly);
        return bus;
    }

    public static IEndpointRouteBuilder MapMembershipEndpoints(this IEndpointRouteBuilder app) =>
        app.MapAccountEndpoints()
            .MapStaffEndpoints()
            .MapActivationEndpoints()
            .MapMemberReviewEndpoints()
            .MapConsumptionPasswordEndpoints()
            .MapPaymentAuthorisationEndpoints()
            .MapBeneficiaryEndpoints()
            .MapBeneficiaryReviewEndpoints()
            .MapSupportTicketEndpoints()
            .MapSupportDeskEndpoints()
            .MapNotificationEndpoints();
}
