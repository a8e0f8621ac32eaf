using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Membership.SupportTickets;

internal sealed class SupportTicketFailureConfiguration : IEntityTypeConfiguration<SupportTicketFailure>
{
    public void Configure(EntityTypeBuilder<SupportTicketFailure> b)
    {
        b.ToTable("SupportTicketFailures");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Reason).HasMaxLength(200);
    }
}
