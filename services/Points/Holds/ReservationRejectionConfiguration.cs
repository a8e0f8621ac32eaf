using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Points.Holds;

public sealed class ReservationRejectionConfiguration : IEntityTypeConfiguration<ReservationRejection>
{
    public void Configure(EntityTypeBuilder<ReservationRejection> builder)
    {
        builder.ToTable("ReservationRejections");
        builder.HasKey(r => r.RedemptionId);
        builder.Property(r => r.RedemptionId).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(64);
        builder.Property(r => r.Detail).HasMaxLength(500);
    }
}
