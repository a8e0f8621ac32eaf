using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Membership.SupportTickets;

internal sealed class SupportTicketConfiguration : IEntityTypeConfiguration<SupportTicket>
{
    public void Configure(EntityTypeBuilder<SupportTicket> b)
    {
        b.ToTable("SupportTickets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(30).IsUnicode(false);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.MemberId);
        b.Property(x => x.Keyword).HasMaxLength(50);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.Status);
        b.Property(x => x.OpenKey).HasMaxLength(100);
        b.HasIndex(x => x.OpenKey).IsUnique();
        b.Property(x => x.Resolution).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Failures).WithOne().HasForeignKey(f => f.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Failures).HasField("_failures").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
