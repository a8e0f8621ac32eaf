using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Membership.Staff;

internal sealed class StaffAccountConfiguration : IEntityTypeConfiguration<StaffAccount>
{
    public void Configure(EntityTypeBuilder<StaffAccount> b)
    {
        b.ToTable("StaffAccounts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.UserName).HasMaxLength(StaffAccount.MaxUserNameLength);
        b.HasIndex(x => x.UserName).IsUnique();
        b.Property(x => x.PasswordHash).HasMaxLength(200).IsUnicode(false);
        b.Property(x => x.Role).HasMaxLength(20);
    }
}
