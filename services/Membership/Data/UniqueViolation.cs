using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Changxing.Membership.Data;

/// <summary>Recognises a unique-key violation on each provider (not every <see cref="DbUpdateException"/>; FACTS.md).</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const string PostgresUniqueViolation = "23505";
    private const int SqlServerUniqueIndex = 2601;
    private const int SqlServerUniqueConstraint = 2627;

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == SqliteConstraint && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresUniqueViolation,
        SqlException q => q.Number is SqlServerUniqueIndex or SqlServerUniqueConstraint,
        _ => false,
    };
}
