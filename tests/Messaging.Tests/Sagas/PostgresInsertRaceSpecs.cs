using Changxing.Messaging.Data;
using Changxing.TestSupport;
using MassTransit;
using Npgsql;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>
/// Another process inserts the saga's row and commits only once the saga's own insert waits on it: the race between
/// two initiating messages, decided by PostgreSQL's unique-key check (23505). PostgreSQL only.
/// </summary>
public sealed class PostgresInsertRaceSpecs
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Should_apply_an_initiating_event_to_the_instance_another_process_inserted_first_on_postgres(bool insertOnInitial)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database);
        var id = NewId.NextGuid();

        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO counter_state (\"CorrelationId\", \"CurrentState\", \"Label\", \"Starts\", \"Count\") VALUES (@id, 'Counting', 'other', 1, 0)",
            other,
            otherTransaction))
        {
            insert.Parameters.AddWithValue("id", id);
            await insert.ExecuteNonQueryAsync();
        }

        await (insertOnInitial
            ? host.Harness.Bus.Publish(new StartCounterEagerly(id, "eager"))
            : host.Harness.Bus.Publish(new StartCounter(id, "lazy")));

        // The saga's INSERT waits on the uncommitted key; the commit then turns it into a unique violation (23505).
        await Eventually.Until(() => CountLockWaitsAsync(database), waits => waits > 0, because: "the saga's insert waits for the other transaction");
        await otherTransaction.CommitAsync();

        var saga = await Eventually.Until(() => host.FindAsync<CounterState>(id), s => s!.Starts == 2, because: "the initiating event was applied to the existing instance");
        Assert.Equal("other", saga!.Label);
        Assert.Single(await host.AllAsync<CounterState>());
        Assert.False(host.Harness.Published.Select<Fault<StartCounter>>().Any());
        Assert.False(host.Harness.Published.Select<Fault<StartCounterEagerly>>().Any());
    }

    private static async Task<long> CountLockWaitsAsync(TestDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
            connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
