using Changxing.Ticketing.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Ticketing.Allotments;

internal sealed class AllotmentConfiguration : IEntityTypeConfiguration<Allotment>
{
    public void Configure(EntityTypeBuilder<Allotment> builder)
    {
        builder.ToTable("Allotments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.SeatClass).HasMaxLength(16);
        builder.Property(a => a.FromStation).HasMaxLength(3);
        builder.Property(a => a.ToStation).HasMaxLength(3);
        builder.Ignore(a => a.Left);
        builder.Ignore(a => a.Specificity);
        builder.HasIndex(a => a.RunId);
        builder.HasOne<Run>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
