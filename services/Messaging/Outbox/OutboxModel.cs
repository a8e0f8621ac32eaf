using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Outbox;

/// <summary>
/// Maps the outbox and inbox tables into a service's own DbContext, so they share its connection and its
/// transactions (as MassTransit's <c>AddTransactionalOutboxEntities</c> does). Call from <c>OnModelCreating</c>.
/// </summary>
public static class OutboxModel
{
    public static ModelBuilder AddTransactionalOutboxEntities(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(message =>
        {
            message.ToTable("OutboxMessage");
            message.HasKey(m => m.SequenceNumber);
            message.Property(m => m.SequenceNumber).ValueGeneratedOnAdd();

            // Delivery reads the pending rows oldest first, housekeeping the delivered ones by age: one index serves both.
            message.HasIndex(m => new { m.Delivered, m.SequenceNumber });
            message.Property(m => m.ContentType).HasMaxLength(256);
            message.Property(m => m.MessageType);
            message.Property(m => m.Body);
        });

        modelBuilder.Entity<InboxState>(inbox =>
        {
            inbox.ToTable("InboxState");
            inbox.HasKey(i => new { i.MessageId, i.Consumer });
            inbox.Property(i => i.Consumer).HasMaxLength(256);
            inbox.HasIndex(i => i.Received);
        });

        return modelBuilder;
    }
}
