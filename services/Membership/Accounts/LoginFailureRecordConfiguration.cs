using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Membership.Accounts;

internal sealed class LoginFailureRecordConfiguration : IEntityTypeConfiguration<LoginFailureRecord>
{
    public void Configure(EntityTypeBuilder<LoginFailureRecord> b)
    {
        b.ToTable("LoginFailures");
        b.HasKey(f => f.AccountHash);
        b.Property(f => f.AccountHash).HasMaxLength(64).IsUnicode(false);
        b.Property(f => f.Failures).IsConcurrencyToken();
        b.HasIndex(f => f.LastFailureAt); // the sweep of forgotten accounts
    }
}
