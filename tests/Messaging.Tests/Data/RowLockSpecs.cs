using Changxing.Messaging.Data;
using Changxing.Messaging.Tests.Sagas;
using Changxing.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Changxing.Messaging.Tests.Data;

/// <summary>
/// The toolkit's one way to serialise writers (Data/README.md), on a real database: a transaction, the row lock first,
/// then the read-decide-write; on SQLite behind an in-process gate entered before the transaction.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class RowLockSpecs
{
    [Fact]
    public async Task Should_apply_every_one_of_40_concurrent_increments_of_one_row()
    {
        const int writers = 40;
        await using var database = await TestDatabase.CreateAsync();
        var id = await CreateCounterAsync(database);
        using var gate = new InProcessGate();

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            await using var db = NewContext(database);
            await using var turn = database.Provider == DatabaseProvider.Sqlite ? await gate.EnterAsync(CancellationToken.None) : null;
            await InTransactionAsync(db, async transaction =>
            {
                var counter = await RowLockStatement.LoadLockedAsync<CounterState>(db, nameof(CounterState.CorrelationId), id, CancellationToken.None);
                counter!.Count++;
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            });
        })));

        await using var check = NewContext(database);
        Assert.Equal(writers, (await check.Set<CounterState>().AsNoTracking().SingleAsync(c => c.CorrelationId == id)).Count);
    }

    [Fact]
    public async Task Should_make_a_second_locker_wait_for_the_first_commit_and_read_what_it_wrote()
    {
        await using var database = await TestDatabase.CreateAsync();
        var id = await CreateCounterAsync(database);

        await using var first = NewContext(database);
        await InTransactionAsync(first, async firstTransaction =>
        {
            var held = await RowLockStatement.LoadLockedAsync<CounterState>(first, nameof(CounterState.CorrelationId), id, CancellationToken.None);
            held!.Count = 7;
            await first.SaveChangesAsync();

            // Task.Run: SQLite's BEGIN IMMEDIATE waits for the write lock synchronously, inside the driver's busy retry.
            var second = Task.Run(async () =>
            {
                await using var db = NewContext(database);
                var seen = 0;
                await InTransactionAsync(db, async transaction =>
                {
                    seen = (await RowLockStatement.LoadLockedAsync<CounterState>(db, nameof(CounterState.CorrelationId), id, CancellationToken.None))!.Count;
                    await transaction.CommitAsync();
                });
                return seen;
            });

            // Not a time rule: a window in which the second locker must not get through while the first holds the lock.
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.False(second.IsCompleted);

            await firstTransaction.CommitAsync();
            Assert.Equal(7, await second.WaitAsync(TimeSpan.FromSeconds(30)));
        });
    }

    [Fact]
    public async Task Should_find_nothing_and_lock_nothing_for_an_absent_key()
    {
        await using var database = await TestDatabase.CreateAsync();
        await CreateCounterAsync(database);
        await using var db = NewContext(database);

        await InTransactionAsync(db, async _ =>
            Assert.Null(await RowLockStatement.LoadLockedAsync<CounterState>(db, nameof(CounterState.CorrelationId), Guid.NewGuid(), CancellationToken.None)));
    }

    /// <summary>As the services do: a user transaction runs inside the provider's execution strategy (PostgreSQL's retries).</summary>
    private static Task InTransactionAsync(DbContext db, Func<IDbContextTransaction, Task> body) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await body(transaction);
        });

    private static async Task<Guid> CreateCounterAsync(TestDatabase database)
    {
        await SagaTestHost.CreateSchemaAsync(database);
        var id = Guid.NewGuid();
        await using var db = NewContext(database);
        db.Add(new CounterState { CorrelationId = id, CurrentState = "Counting", Label = "row lock" });
        await db.SaveChangesAsync();
        return id;
    }

    private static SagaTestDbContext NewContext(TestDatabase database) => database.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteSagaTestDbContext(database.Options<SqliteSagaTestDbContext>()),
        DatabaseProvider.Postgres => new PostgresSagaTestDbContext(database.Options<PostgresSagaTestDbContext>()),
        var other => throw new NotSupportedException($"Row lock tests run on Sqlite or Postgres, not {other}."),
    };
}
