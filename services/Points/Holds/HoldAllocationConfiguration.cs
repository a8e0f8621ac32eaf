using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Points.Holds;

public sealed class HoldAllocationConfiguration : IEntityTypeConfiguration<HoldAllocation>
{
    public void Configure(EntityTypeBuilder<HoldAllocation> builder)
    {
        builder.ToTable("HoldAllocations");
        builder.HasKey(a => new { a.HoldId, a.LotId });
    }
}
