using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Changxing.Messaging.Data;

/// <summary>
/// Recognises "this key already exists" per provider, and only that: another initiating message inserted the
/// same row first (a saga instance, an idempotency key, a unique business key). Other update failures are real errors.
/// </summary>
public static class UniqueKeyViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static bool Matches(DbUpdateException exception) =>
        exception.InnerException switch
        {
            PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
            SqlException sql => sql.Number is 2627 or 2601,
            SqliteException lite => lite.SqliteErrorCode == SqliteConstraint
                && lite.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique,
            _ => false,
        };
}
