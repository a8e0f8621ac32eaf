using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Changxing.Bench.Sagas;

/// <summary>
/// <c>--sqlite-synchronous normal</c>: WAL without an fsync per commit (durable across process crashes, not power loss).
/// The services keep SQLite's default (FULL), where each commit waits for the disk.
/// </summary>
public sealed class SqliteSynchronousNormal : DbConnectionInterceptor
{
    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
