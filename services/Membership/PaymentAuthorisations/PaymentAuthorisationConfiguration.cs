using Changxing.Membership.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Membership.PaymentAuthorisations;

internal sealed class PaymentAuthorisationConfiguration : IEntityTypeConfiguration<PaymentAuthorisation>
{
    public void Configure(EntityTypeBuilder<PaymentAuthorisation> b)
    {
        b.ToTable("PaymentAuthorisations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.CodeHash).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(x => x.CodeHash).IsUnique();

        // Spending updates "WHERE UsedByRedemptionId IS NULL" (the value read): exactly one of two racing redemptions wins.
        b.Property(x => x.UsedByRedemptionId).IsConcurrencyToken();
    }
}
