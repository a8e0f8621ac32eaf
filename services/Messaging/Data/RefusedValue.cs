using Microsoft.Data.SqlClient;
using Npgsql;

namespace Changxing.Messaging.Data;

/// <summary>
/// Recognises a database refusing a value the client sent: text longer than its column, or a character the provider
/// cannot store (PostgreSQL refuses NUL in text). SQLite stores both, so only the server providers raise these.
/// </summary>
public static class RefusedValue
{
    public static bool Matches(Exception exception) =>
        (exception.InnerException is { } inner && Matches(inner)) || exception switch
        {
            PostgresException pg => pg.SqlState is PostgresErrorCodes.StringDataRightTruncation
                or PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter,
            SqlException sql => sql.Number is 2628 or 8152,
            _ => false,
        };
}
