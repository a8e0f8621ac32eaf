using Changxing.Membership.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Membership.Beneficiaries;

internal sealed class BeneficiaryConfiguration : IEntityTypeConfiguration<Beneficiary>
{
    public void Configure(EntityTypeBuilder<Beneficiary> b)
    {
        b.ToTable("Beneficiaries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.MemberId);
        b.Property(x => x.Name).HasMaxLength(50);
        b.Property(x => x.IdNumber).HasMaxLength(ResidentIdNumber.Length).IsUnicode(false);
        b.Property(x => x.PersonKey).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.SlotKey).HasMaxLength(100).IsUnicode(false);
        b.HasIndex(x => x.SlotKey).IsUnique();
        b.HasIndex(x => new { x.MemberId, x.Slot }).IsUnique();
        b.Property(x => x.IdFrontSha256).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.IdBackSha256).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.FaceVideoSha256).HasMaxLength(64).IsUnicode(false);
        b.Property(x => x.Review).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.Review, x.EffectiveOn });
        b.Property(x => x.RejectionReason).HasMaxLength(500);
        b.Ignore(x => x.IsRemoved);
        b.Ignore(x => x.ResidentId);
    }
}
