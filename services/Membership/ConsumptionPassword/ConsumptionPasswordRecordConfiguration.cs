using Changxing.Membership.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Membership.ConsumptionPassword;

internal sealed class ConsumptionPasswordRecordConfiguration : IEntityTypeConfiguration<ConsumptionPasswordRecord>
{
    public void Configure(EntityTypeBuilder<ConsumptionPasswordRecord> b)
    {
        b.ToTable("ConsumptionPasswords");
        b.HasKey(p => p.MemberId);
        b.Property(p => p.MemberId).ValueGeneratedNever();
        b.HasOne<Member>().WithOne().HasForeignKey<ConsumptionPasswordRecord>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Hash).HasMaxLength(200).IsUnicode(false);
        b.Property(p => p.Version).IsConcurrencyToken();
    }
}
