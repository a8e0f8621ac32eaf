using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Points.Holds;

public sealed class PointsHoldConfiguration : IEntityTypeConfiguration<PointsHold>
{
    public void Configure(EntityTypeBuilder<PointsHold> builder)
    {
        builder.ToTable("Holds");
        builder.HasKey(h => h.HoldId);
        builder.Property(h => h.HoldId).ValueGeneratedNever();
        builder.HasIndex(h => h.RedemptionId).IsUnique();
        builder.HasIndex(h => new { h.Status, h.ExpiresAt });
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.ReleaseReason).HasMaxLength(200);
        builder.HasMany(h => h.Allocations).WithOne().HasForeignKey(a => a.HoldId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Allocations).HasField("_allocations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
