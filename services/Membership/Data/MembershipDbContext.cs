using Changxing.Membership.Accounts;
using Changxing.Membership.Beneficiaries;
using Changxing.Membership.ConsumptionPassword;
using Changxing.Membership.Notifications;
using Changxing.Membership.PaymentAuthorisations;
using Changxing.Membership.Staff;
using Changxing.Membership.SupportTickets;
using Changxing.Messaging.Data;
using Changxing.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.Data;

/// <summary>The Membership service's own tables. Provider-specific subclasses carry the migrations.</summary>
public abstract class MembershipDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Member> Members => Set<Member>();

    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();

    public DbSet<ConsumptionPasswordRecord> ConsumptionPasswords => Set<ConsumptionPasswordRecord>();

    public DbSet<Beneficiary> Beneficiaries => Set<Beneficiary>();

    public DbSet<PaymentAuthorisation> PaymentAuthorisations => Set<PaymentAuthorisation>();

    public DbSet<RedemptionAuthorisationOutcome> RedemptionAuthorisationOutcomes => Set<RedemptionAuthorisationOutcome>();

    public DbSet<SupportTicket> SupportTickets => Set<SupportTicket>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<LoginFailureRecord> LoginFailures => Set<LoginFailureRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MembershipDbContext).Assembly);
        modelBuilder.AddTransactionalOutboxEntities();
    }
}
