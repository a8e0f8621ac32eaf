using Changxing.Messaging.Data;
using Changxing.TestSupport;
using MassTransit;
using Microsoft.Data.Sqlite;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>
/// Another process holds the SQLite file's write lock. The in-process write gate cannot see it, so only SQLite's own
/// locking (<c>BEGIN IMMEDIATE</c> and the connection's busy timeout) keeps the saga correct. SQLite only.
/// </summary>
public sealed class SqliteOutsideWriterSpecs
{
    [Fact]
    public async Task Should_wait_in_begin_immediate_while_another_process_holds_the_sqlite_write_lock_then_apply_the_event_once()
    {
        var transactions = new TransactionWatch();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SagaTestHost.CreateSchemaAsync(database);
        await using var host = await SagaTestHost.StartAsync(database, interceptor: transactions);
        var id = NewId.NextGuid();
        await host.Harness.Bus.Publish(new StartCounter(id, "locked-out"));
        await Eventually.Until(async () => await host.FindAsync<CounterState>(id) is not null);

        await using var other = new SqliteConnection(database.ConnectionString);
        await other.OpenAsync();
        await ExecuteAsync(other, "BEGIN IMMEDIATE;");
        await ExecuteAsync(other, "UPDATE counter_state SET \"Count\" = \"Count\" + 1;");

        var requested = transactions.Requested;
        var begun = transactions.Begun;
        await host.Harness.Bus.Publish(new IncrementCounter(id));
        await Eventually.Until(() => Task.FromResult(transactions.Requested > requested), because: "the saga asked for its write transaction");

        // Not a time rule: a window in which nothing may happen. With a deferred BEGIN the saga would be granted its
        // transaction at once and read a row that is about to change; without a busy timeout it would fail and retry.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(begun, transactions.Begun);
        Assert.Equal(0, (await host.FindAsync<CounterState>(id))!.Count);
        Assert.Empty(host.PublishedSoFar<CounterChanged>());

        await ExecuteAsync(other, "COMMIT;");

        var changes = await Eventually.Until(
            () => Task.FromResult(host.PublishedSoFar<CounterChanged>()), c => c.Count > 0, because: "the saga got the write lock once the other writer committed");
        Assert.Equal([new CounterChanged(id, 2)], changes);
        Assert.Equal(2, (await host.FindAsync<CounterState>(id))!.Count);
        Assert.Empty(host.PublishedSoFar<Fault<IncrementCounter>>());
        Assert.True(requested + 1 == transactions.Requested, $"The event took {transactions.Requested - requested} attempts instead of one.");
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
