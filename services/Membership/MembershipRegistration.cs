using System.Text.Json.Serialization;
using Changxing.Membership.Accounts;
using Changxing.Membership.Activation;
using Changxing.Membership.Beneficiaries;
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
        builder.Services.Configure<NotificationStreamOptions>(builder.Configuration.GetSection(NotificationStreamOptions.Section));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        builder.Services.AddSingleton<SecretHasher>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<PersonKeyHasher>();
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
