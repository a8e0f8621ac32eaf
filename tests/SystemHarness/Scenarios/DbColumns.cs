using System.Data.Common;

namespace Changxing.SystemHarness.Scenarios;

/// <summary>Column reads that hide how each provider stores a value (SQLite keeps Guids as text).</summary>
public static class DbColumns
{
    public static Guid GetId(this DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        Guid g => g,
        string s => System.Guid.Parse(s),
        byte[] b => new Guid(b),
        var other => throw new InvalidCastException($"Column {ordinal} holds {other.GetType().Name}, not a Guid."),
    };

    public static Guid? GetNullableId(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetId(ordinal);

    public static string? GetNullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
