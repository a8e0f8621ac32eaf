using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Changxing.Messaging.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Changxing.TestSupport.BadInput;

/// <summary>
/// Reads every text value of every table of a database and reports the fuzzer markers in them. Reads the tables the
/// database has, not the ones a model declares, so nothing a service writes outside its model escapes.
/// </summary>
public static partial class StoredMarkers
{
    public static async Task<IReadOnlyList<StoredMarker>> FindAsync(TestDatabase database)
    {
        await using DbConnection connection = database.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        return await FindAsync(connection);
    }

    public static async Task<IReadOnlyList<StoredMarker>> FindAsync(DbConnection connection)
    {
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = connection is SqliteConnection
                ? "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table'"
                : "SELECT '\"' || table_schema || '\".\"' || table_name || '\"' FROM information_schema.tables " +
                  "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var found = new List<StoredMarker>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM {table}";
            await using var rows = await select.ExecuteReaderAsync();
            while (await rows.ReadAsync())
            {
                for (var i = 0; i < rows.FieldCount; i++)
                {
                    if (!rows.IsDBNull(i) && rows.GetValue(i) is string text)
                    {
                        found.AddRange(Marker().Matches(text).Select(m => new StoredMarker(
                            table.Replace("\"", string.Empty, StringComparison.Ordinal),
                            int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                            Excerpt(text, m.Index))));
                    }
                }
            }
        }

        return found;
    }

    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 40);
        return text.Substring(start, Math.Min(100, text.Length - start));
    }

    [GeneratedRegex(@"fuzz(\d{1,9})x", RegexOptions.IgnoreCase)]
    private static partial Regex Marker();
}
