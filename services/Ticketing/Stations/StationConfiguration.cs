using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Ticketing.Stations;

internal sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> builder)
    {
        builder.ToTable("Stations");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(Station.CodeLength);
        builder.Property(s => s.Name).HasMaxLength(Station.MaxNameLength);
        builder.Property(s => s.Pinyin).HasMaxLength(Station.MaxPinyinLength);
    }
}
