using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Ticketing.Members;

internal sealed class KnownMemberConfiguration : IEntityTypeConfiguration<KnownMember>
{
    public void Configure(EntityTypeBuilder<KnownMember> builder)
    {
        builder.ToTable("KnownMembers");
        builder.HasKey(m => m.MemberId);
        builder.Property(m => m.MemberId).ValueGeneratedNever();
    }
}
