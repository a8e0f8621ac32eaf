using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Points.Ledger;

public sealed class PointsLotConfiguration : IEntityTypeConfiguration<PointsLot>
{
    public void Configure(EntityTypeBuilder<PointsLot> builder)
    {
        builder.ToTable("Lots");
        builder.HasKey(l => l.LotId);
        builder.Property(l => l.LotId).ValueGeneratedNever();
        builder.Property(l => l.Source).HasMaxLength(32);
        builder.Property(l => l.TicketNumber).HasMaxLength(64);
        builder.HasIndex(l => l.TicketNumber).IsUnique();
        builder.HasIndex(l => l.RefundOfRedemptionId).IsUnique();
        builder.HasIndex(l => new { l.MemberId, l.ExpiresOn });
        builder.HasIndex(l => l.ExpiresOn);
    }
}
