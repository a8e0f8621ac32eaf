using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Membership.PaymentAuthorisations;

internal sealed class RedemptionAuthorisationOutcomeConfiguration : IEntityTypeConfiguration<RedemptionAuthorisationOutcome>
{
    public void Configure(EntityTypeBuilder<RedemptionAuthorisationOutcome> b)
    {
        b.ToTable("RedemptionAuthorisationOutcomes");
        b.HasKey(x => x.RedemptionId);
        b.Property(x => x.RedemptionId).ValueGeneratedNever();
        b.Property(x => x.Reason).HasMaxLength(60);
        b.Property(x => x.Detail).HasMaxLength(500);
        b.Property(x => x.PassengerKey).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.PassengerName).HasMaxLength(50);
        b.Property(x => x.PassengerIdMasked).HasMaxLength(18);
    }
}
