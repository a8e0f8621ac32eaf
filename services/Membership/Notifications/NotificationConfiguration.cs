using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Membership.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.SourceKey).HasMaxLength(120).IsUnicode(false);
        b.HasIndex(x => x.SourceKey).IsUnique();
        b.HasIndex(x => new { x.MemberId, x.CreatedAt });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.TitleZh).HasMaxLength(100);
        b.Property(x => x.TitleEn).HasMaxLength(150);
        b.Property(x => x.BodyZh).HasMaxLength(1000);
        b.Property(x => x.BodyEn).HasMaxLength(1500);
    }
}
