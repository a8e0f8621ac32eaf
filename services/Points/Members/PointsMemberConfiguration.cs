using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Points.Members;

public sealed class PointsMemberConfiguration : IEntityTypeConfiguration<PointsMember>
{
    /// <summary>The members table; MemberTransactions locks its rows with the shared row lock, which reads the name from the model.</summary>
    public const string Table = "Members";

    public void Configure(EntityTypeBuilder<PointsMember> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(m => m.MemberId);
        builder.Property(m => m.MemberId).ValueGeneratedNever();
        builder.Property(m => m.DisplayName).HasMaxLength(200);
    }
}
