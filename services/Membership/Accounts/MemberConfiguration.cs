using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Membership.Accounts;

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.ToTable("Members");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.Name).HasMaxLength(50);
        b.Property(m => m.IdNumber).HasMaxLength(ResidentIdNumber.Length).IsUnicode(false);
        b.Property(m => m.PersonKey).HasMaxLength(64).IsUnicode(false);
        b.HasIndex(m => m.PersonKey).IsUnique();
        b.Property(m => m.Phone).HasMaxLength(20).IsUnicode(false);
        b.HasIndex(m => m.Phone).IsUnique();
        b.Property(m => m.PasswordHash).HasMaxLength(200).IsUnicode(false);
        b.Property(m => m.RealName).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Face).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Review).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(m => m.Review);
        b.Property(m => m.RealNameReason).HasMaxLength(200);
        b.Property(m => m.FaceReason).HasMaxLength(200);
        b.Property(m => m.FaceVideoSha256).HasMaxLength(64).IsUnicode(false);
        b.Property(m => m.ReviewReason).HasMaxLength(500);
        b.Ignore(m => m.IsActive);
        b.Ignore(m => m.ResidentId);
    }
}
