using System.Data.Common;
using Changxing.Messaging.Data;
using Changxing.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>
/// A save outside any transaction (an API's insert) while a saga holds its write turn on the same SQLite file: it waits
/// in the process's queue of writers and sends nothing to SQLite until the saga commits, instead of meeting the held
/// write lock and sleeping in the driver's busy retry. SQLite only.
/// </summary>
public sealed class SqliteWriteQueueSpecs
{
    [Fact]
    public async Task Should_send_a_save_outside_a_transaction_to_sqlite_only_after_the_saga_writers_turn_ends()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await SagaTestHost.CreateSchemaAsync(database);
        var commit = new HeldCommit();
        await using var host = await SagaTestHost.StartAsync(database, interceptor: commit);
        var id = NewId.NextGuid();
        await host.Harness.Bus.Publish(new StartCounter(id, "held"));
        await commit.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        var commands = new CommandCount();
        await using var outside = NewContext(database, commands);
        outside.Add(new CounterState { CorrelationId = NewId.NextGuid(), CurrentState = "Counting", Label = "outside" });
        Task<int> saving;
        try
        {
            saving = outside.SaveChangesAsync();

            // Not a time rule: a window in which nothing may happen while the saga holds its turn.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(saving.IsCompleted);
            Assert.Equal(0, commands.Executed);
        }
        finally
        {
            commit.Release();
        }

        Assert.Equal(1, await saving.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(commands.Executed > 0);
        await Eventually.Until(async () => await host.FindAsync<CounterState>(id) is not null, because: "the saga committed its row");
    }

    private static SqliteSagaTestDbContext NewContext(TestDatabase database, IInterceptor interceptor)
    {
        var options = new DbContextOptionsBuilder<SqliteSagaTestDbContext>();
        options.UseProvider(database.Provider, database.ConnectionString).AddInterceptors(interceptor);
        return new SqliteSagaTestDbContext(options.Options);
    }

    /// <summary>Holds the first saga transaction at its commit until released, so its write turn stays taken.</summary>
    private sealed class HeldCommit : DbTransactionInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            _reached.TrySetResult();
            await _released.Task;
            return result;
        }
    }

    private sealed class CommandCount : DbCommandInterceptor
    {
        private int _executed;

        public int Executed => Volatile.Read(ref _executed);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _executed);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _executed);
            return ValueTask.FromResult(result);
        }
    }
}
