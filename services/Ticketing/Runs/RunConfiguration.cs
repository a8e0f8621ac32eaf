using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Ticketing.Runs;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> builder)
    {
        builder.ToTable("Runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.TrainNumber).HasMaxLength(8);
        builder.HasIndex(r => new { r.TrainNumber, r.ServiceDate }).IsUnique();
        builder.HasIndex(r => r.ServiceDate);
    }
}
