using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Ticketing.Trains;

internal sealed class TrainConfiguration :
    IEntityTypeConfiguration<Train>,
    IEntityTypeConfiguration<TrainStop>,
    IEntityTypeConfiguration<TrainCar>,
    IEntityTypeConfiguration<SegmentFare>
{
    public void Configure(EntityTypeBuilder<Train> builder)
    {
        builder.ToTable("Trains");
        builder.HasKey(t => t.Number);
        builder.Property(t => t.Number).HasMaxLength(8);
        builder.HasMany(t => t.Stops).WithOne().HasForeignKey(s => s.TrainNumber).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Cars).WithOne().HasForeignKey(c => c.TrainNumber).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Fares).WithOne().HasForeignKey(f => f.TrainNumber).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TrainStop> builder)
    {
        builder.ToTable("TrainStops");
        builder.HasKey(s => new { s.TrainNumber, s.Sequence });
        builder.Property(s => s.TrainNumber).HasMaxLength(8);
        builder.Property(s => s.StationCode).HasMaxLength(3);
        builder.HasIndex(s => s.StationCode);
    }

    public void Configure(EntityTypeBuilder<TrainCar> builder)
    {
        builder.ToTable("TrainCars");
        builder.HasKey(c => new { c.TrainNumber, c.CarNumber });
        builder.Property(c => c.TrainNumber).HasMaxLength(8);
        builder.Property(c => c.SeatClass).HasMaxLength(16);
        builder.Property(c => c.Letters).HasMaxLength(8);
        builder.Ignore(c => c.CarLabel);
    }

    public void Configure(EntityTypeBuilder<SegmentFare> builder)
    {
        builder.ToTable("SegmentFares");
        builder.HasKey(f => new { f.TrainNumber, f.SeatClass, f.FromStation, f.ToStation });
        builder.Property(f => f.TrainNumber).HasMaxLength(8);
        builder.Property(f => f.SeatClass).HasMaxLength(16);
        builder.Property(f => f.FromStation).HasMaxLength(3);
        builder.Property(f => f.ToStation).HasMaxLength(3);
        builder.Property(f => f.Price).HasPrecision(10, 2);
    }
}
