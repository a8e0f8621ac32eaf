using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Changxing.Messaging.Data;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as a UTC <see cref="DateTime"/> on every provider: SQLite cannot order or
/// compare DateTimeOffset columns, and deadlines, listings and sweepers do both.
/// </summary>
public static class UtcDateTimeConversion
{
    public static PropertyBuilder<DateTimeOffset> HasUtcDateTimeConversion(this PropertyBuilder<DateTimeOffset> property) =>
        property.HasConversion(v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

    public static PropertyBuilder<DateTimeOffset?> HasUtcDateTimeConversion(this PropertyBuilder<DateTimeOffset?> property) =>
        property.HasConversion(
            v => v.HasValue ? v.Value.UtcDateTime : (DateTime?)null,
            v => v.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)) : null);
}
