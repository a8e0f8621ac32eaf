using Changxing.Ticketing.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Ticketing.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("Tickets");
        builder.HasKey(t => t.TicketNumber);
        builder.Property(t => t.TicketNumber).HasMaxLength(TicketNumbers.Length);
        builder.HasIndex(t => t.HoldId).IsUnique();
        builder.HasIndex(t => t.RedemptionId).IsUnique();
        builder.HasIndex(t => t.MemberId);
        builder.Property(t => t.PassengerName).HasMaxLength(64);
        builder.Property(t => t.PassengerIdMasked).HasMaxLength(32);
        builder.Property(t => t.TrainNumber).HasMaxLength(8);
        builder.Property(t => t.FromStation).HasMaxLength(3);
        builder.Property(t => t.ToStation).HasMaxLength(3);
        builder.Property(t => t.SeatClass).HasMaxLength(16);
        builder.Property(t => t.Car).HasMaxLength(4);
        builder.Property(t => t.Seat).HasMaxLength(8);
        builder.Property(t => t.Fare).HasPrecision(10, 2);
        builder.Property(t => t.PaymentMethod).HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<SeatHold>().WithOne().HasForeignKey<Ticket>(t => t.HoldId).OnDelete(DeleteBehavior.Restrict);
    }
}
