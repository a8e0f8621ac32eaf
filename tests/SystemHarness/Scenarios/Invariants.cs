using Microsoft.Data.Sqlite;

namespace Changxing.SystemHarness.Scenarios;

/// <summary>
/// What must hold once the system has settled, read straight from the services' SQLite files (read-only): no seat or
/// points hold outlives its redemption, every lot balances, and each completed redemption has exactly one ticketed
/// seat and one captured points hold.
/// </summary>
public static class Invariants
{
    public static async Task<IReadOnlyList<string>> ViolationsAsync(string dataDirectory)
    {
        var violations = new List<string>();
        await using var points = await OpenAsync(dataDirectory, "points.db");
        await using var ticketing = await OpenAsync(dataDirectory, "ticketing.db");

        var live = (await ListAsync(ticketing, "SELECT CorrelationId FROM redemptions WHERE CurrentState NOT IN ('Completed', 'Failed')")).ToHashSet();
        var completed = await ListAsync(ticketing, "SELECT CorrelationId FROM redemptions WHERE CurrentState = 'Completed'");

        foreach (var held in await ListAsync(points, "SELECT RedemptionId FROM Holds WHERE Status = 'Held'"))
        {
            if (!live.Contains(held))
            {
                violations.Add($"points hold of redemption {held} is still held but the redemption is over");
            }
        }

        foreach (var held in await ListAsync(ticketing, "SELECT RedemptionId FROM SeatHolds WHERE Status = 'Held' AND RedemptionId IS NOT NULL"))
        {
            if (!live.Contains(held))
            {
                violations.Add($"seat hold of redemption {held} is still held but the redemption is over");
            }
        }

        foreach (var lot in await ListAsync(points, "SELECT LotId FROM Lots WHERE Points <> Remaining + Held + Captured + Expired"))
        {
            violations.Add($"lot {lot} does not balance (points <> remaining + held + captured + expired)");
        }

        foreach (var member in await ListAsync(points,
            "SELECT l.MemberId FROM Lots l GROUP BY l.MemberId HAVING SUM(l.Held) <> COALESCE((SELECT SUM(h.Points) FROM Holds h WHERE h.MemberId = l.MemberId AND h.Status = 'Held'), 0)"))
        {
            violations.Add($"member {member}: points held on lots differ from open holds");
        }

        foreach (var redemption in completed)
        {
            var tickets = await CountAsync(ticketing, "SELECT COUNT(*) FROM SeatHolds WHERE RedemptionId = $id AND Status = 'Ticketed'", redemption);
            var captures = await CountAsync(points, "SELECT COUNT(*) FROM Holds WHERE RedemptionId = $id AND Status = 'Captured'", redemption);
            if (tickets != 1 || captures != 1)
            {
                violations.Add($"completed redemption {redemption} has {tickets} ticketed seats and {captures} captured holds");
            }
        }

        return violations;
    }

    private static async Task<SqliteConnection> OpenAsync(string dataDirectory, string file)
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, file)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetValue(0).ToString()!.ToUpperInvariant());
        }

        return values;
    }

    private static async Task<long> CountAsync(SqliteConnection connection, string sql, string id)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        var count = (long)(await command.ExecuteScalarAsync())!;
        if (count == 0)
        {
            // SQLite stores Guids as text; the case the provider wrote may differ from ours.
            command.Parameters["$id"].Value = id.ToLowerInvariant();
            count = (long)(await command.ExecuteScalarAsync())!;
        }

        return count;
    }
}
