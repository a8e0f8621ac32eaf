using Changxing.Ticketing.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Ticketing.Inventory;

internal sealed class InventoryConfiguration : IEntityTypeConfiguration<RunSeat>, IEntityTypeConfiguration<SeatHold>
{
    public void Configure(EntityTypeBuilder<RunSeat> builder)
    {
        builder.ToTable("RunSeats");
        builder.HasKey(s => new { s.RunId, s.Car, s.Seat });
        builder.Property(s => s.Car).HasMaxLength(4);
        builder.Property(s => s.Seat).HasMaxLength(8);
        builder.Property(s => s.SeatClass).HasMaxLength(16);
        builder.Ignore(s => s.Sold);
        builder.HasOne<Run>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SeatHold> builder)
    {
        builder.ToTable("SeatHolds");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasIndex(h => h.RedemptionId).IsUnique();
        builder.HasIndex(h => new { h.RunId, h.PassengerKey });
        builder.HasIndex(h => new { h.Status, h.ExpiresAt });
        builder.Property(h => h.TrainNumber).HasMaxLength(8);
        builder.Property(h => h.PassengerKey).HasMaxLength(64);
        builder.Property(h => h.SeatClass).HasMaxLength(16);
        builder.Property(h => h.Car).HasMaxLength(4);
        builder.Property(h => h.Seat).HasMaxLength(8);
        builder.Property(h => h.FromStation).HasMaxLength(3);
        builder.Property(h => h.ToStation).HasMaxLength(3);
        builder.Property(h => h.Fare).HasPrecision(10, 2);
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(h => h.LegMask);
        builder.Ignore(h => h.Occupies);
        builder.HasOne<Run>().WithMany().HasForeignKey(h => h.RunId).OnDelete(DeleteBehavior.Restrict);
    }
}
