using Changxing.Membership;
using Changxing.Membership.Accounts;
using Changxing.Membership.Activation;
using Changxing.Membership.Beneficiaries;
using Changxing.Membership.ConsumptionPassword;
using Changxing.Membership.Data;
using Changxing.Membership.Notifications;
using Changxing.Membership.PaymentAuthorisations;
using Changxing.Membership.Staff;
using Changxing.Membership.SupportTickets;
using Changxing.ServiceDefaults.Bus;
using Changxing.ServiceDefaults.Data;
using Changxing.ServiceDefaults.Health;
using Changxing.ServiceDefaults.Hosting;
using MassTransit;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<MembershipDbContext, SqliteMembershipDbContext, PostgresMembershipDbContext, SqlServerMembershipDbContext>();
builder.AddServiceBus(bus => bus.AddConsumers(typeof(Program).Assembly));
builder.AddMembership();

var app = builder.Build();
app.MapServiceDefaults();
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
await app.RunAsync();
return 0;

/// <summary>Entry point; public so API tests can host the service in-process.</summary>
public partial class Program;
