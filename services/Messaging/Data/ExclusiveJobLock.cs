using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Changxing.Messaging.Data;

/// <summary>
/// One instance of a service at a time runs a periodic job (a sweep, an announcer, the run calendar): a lock named by
/// the job, held by the database in a transaction of its own connection until the run ends. The row locks keep each
/// piece of work correct whoever does it; this keeps two instances from doing the same sweep at once, so what a job
/// publishes before it marks the work done (at least once, for a crash in between) goes out once, not once per instance.
/// A killed instance's connection closes and its lock goes with it.
/// <list type="bullet">
/// <item>PostgreSQL: <c>pg_try_advisory_xact_lock</c> / <c>pg_advisory_xact_lock</c> on a 64-bit key from the job's name.</item>
/// <item>SQL Server: <c>sp_getapplock</c> owned by the transaction (not exercised by the tests: no SQL Server here).</item>
/// <item>SQLite: an in-process gate per file and job. One process runs on a file (<see cref="SqliteInstanceLock"/>), so
/// the process is the whole of it; hosts in one process (tests) share the gate.</item>
/// </list>
/// Hand-written: neither EF Core nor MassTransit (without Quartz or Hangfire, not available here) has a distributed job lock.
/// </summary>
public sealed class ExclusiveJobLock : IAsyncDisposable
{
    private static readonly InProcessGates<string> SqliteJobs = new(StringComparer.Ordinal);
    private readonly DbConnection? _connection;
    private readonly DbTransaction? _transaction;
    private readonly GateTurn? _turn;

    private ExclusiveJobLock(DbConnection? connection, DbTransaction? transaction, GateTurn? turn = null)
    {
        _connection = connection;
        _transaction = transaction;
        _turn = turn;
    }

    /// <summary>The lock, or null when another instance is running the job now (this run has nothing to do).</summary>
    public static Task<ExclusiveJobLock?> TryTakeAsync(DatabaseSettings database, string job, CancellationToken cancellationToken) =>
        TakeAsync(database, job, wait: false, cancellationToken);

    /// <summary>The lock, once any other instance running the job has finished (for work every instance needs done before it goes on).</summary>
    public static async Task<ExclusiveJobLock> WaitAsync(DatabaseSettings database, string job, CancellationToken cancellationToken) =>
        (await TakeAsync(database, job, wait: true, cancellationToken))!;

    /// <summary>The 64-bit PostgreSQL advisory key of a job: the first 8 bytes of the SHA-256 of its name.</summary>
    public static long KeyOf(string job) => BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(job)));

    public async ValueTask DisposeAsync()
    {
        _turn?.Dispose();
        if (_transaction is not null)
        {
            // Rolling back ends the transaction, and the lock with it; nothing was written on this connection.
            await _transaction.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }

    private static async Task<ExclusiveJobLock?> TakeAsync(DatabaseSettings database, string job, bool wait, CancellationToken cancellationToken)
    {
        DbConnection connection;
        DbCommand command;
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                var gate = SqliteJobs.For(Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource) + "|" + job);
                var turn = wait ? await gate.EnterAsync(cancellationToken) : await gate.TryEnterAsync(TimeSpan.Zero, cancellationToken);
                return turn is null ? null : new ExclusiveJobLock(null, null, turn);
            case DatabaseProvider.Postgres:
                connection = new NpgsqlConnection(database.ConnectionString);
                command = new NpgsqlCommand(wait ? "SELECT pg_advisory_xact_lock(@key), true" : "SELECT 0, pg_try_advisory_xact_lock(@key)")
                {
                    Parameters = { new NpgsqlParameter<long>("key", KeyOf(job)) },
                };
                break;
            case DatabaseProvider.SqlServer:
                connection = new SqlConnection(database.ConnectionString);
                command = new SqlCommand(
                    "DECLARE @result int; EXEC @result = sp_getapplock @Resource = @job, @LockMode = 'Exclusive', " +
                    "@LockOwner = 'Transaction', @LockTimeout = @timeout; SELECT 0, CAST(CASE WHEN @result >= 0 THEN 1 ELSE 0 END AS bit)")
                {
                    Parameters = { new SqlParameter("job", job), new SqlParameter("timeout", wait ? -1 : 0) },
                };
                break;
            default:
                throw new NotSupportedException($"No job lock for {database.Provider}.");
        }

        await using (command)
        {
            // Waiting has no time limit of its own: the run calendar's first seeding took 54 s on a busy 2-core machine.
            command.CommandTimeout = wait ? 0 : command.CommandTimeout;
            DbTransaction? transaction = null;
            try
            {
                await connection.OpenAsync(cancellationToken);
                transaction = await connection.BeginTransactionAsync(cancellationToken);
                command.Connection = connection;
                command.Transaction = transaction;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var taken = await reader.ReadAsync(cancellationToken) && reader.GetBoolean(1);
                if (taken)
                {
                    return new ExclusiveJobLock(connection, transaction);
                }
            }
            catch
            {
                await DisposeAsync(connection, transaction);
                throw;
            }

            await DisposeAsync(connection, transaction);
            return null;
        }
    }

    private static async Task DisposeAsync(DbConnection connection, DbTransaction? transaction)
    {
        if (transaction is not null)
        {
            await transaction.DisposeAsync();
        }

        await connection.DisposeAsync();
    }
}
