using System.Text.Json.Serialization;
using Changxing.Membership.Accounts;
using Changxing.Membership.Activation;
using Changxing.Membership.Beneficiaries;
using Changxing.Membership.ConsumptionPassword;
using Changxing.Membership.Notifications;
using Changxing.Membership.Staff;
using Changxing.Membership.Uploads;

namespace Changxing.Membership;

public static class MembershipRegistration
{
    /// <summary>The service's own parts. Call after the database and the bus, so start-up jobs find both ready.</summary>
    public static WebApplicationBuilder AddMembership(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MembershipOptions.Section);
        builder.Services.Configure<MembershipOptions>(section);
        builder.Services.AddOptions<NotificationStreamOptions>().BindConfiguration(NotificationStreamOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var secretHasher = new SecretHasher();
        builder.Services.AddSingleton(secretHasher);
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<PersonKeyHasher>();

        // Built here so a missing or development key stops the service at start-up, not at the first payment.
        builder.Services.AddSingleton(new ConsumptionPasswordHasher(
            Microsoft.Extensions.Options.Options.Create(section.Get<MembershipOptions>() ?? new MembershipOptions()), builder.Environment, secretHasher));
        builder.Services.AddSingleton<UploadPolicy>();
        builder.Services.AddSingleton<ContentAddressedFileStore>();
        builder.Services.AddSingleton<NotificationStream>();
        builder.Services.AddScoped<NotificationInbox>();
        builder.Services.AddScoped<ActivationAnnouncer>();

        if (builder.Environment.IsProduction() && !section.GetValue<bool>("UseDevelopmentVerifiers"))
        {
            throw new InvalidOperationException(
                "Production needs real identity verifiers (IRealNameVerifier, IFaceVerifier). Set Membership__UseDevelopmentVerifiers=true " +
                "only for a demonstration deployment: the development ones make no identity judgement.");
        }

        builder.Services.AddSingleton<IRealNameVerifier, DevelopmentRealNameVerifier>();
        builder.Services.AddSingleton<IFaceVerifier, DevelopmentFaceVerifier>();

        builder.Services.AddHostedService<StaffSeeder>();
        builder.Services.AddSingleton<BeneficiaryEffectiveJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BeneficiaryEffectiveJob>());
        builder.Services.AddSingleton<ActivationAnnouncementJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ActivationAnnouncementJob>());
        return builder;
    }
}
