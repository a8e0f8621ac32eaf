using Changxing.Messaging.Data;
using Changxing.Messaging.Tests.Sagas;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Tests.Data;

/// <summary>The row lock each provider takes (here on the saga tables); built from the model, no server needed.</summary>
public sealed class RowLockStatementSpecs
{
    [Fact]
    public void Should_lock_the_row_with_updlock_rowlock_and_holdlock_on_sql_server()
    {
        using var db = Create<SqlServerSagaTestDbContext>();
        var id = Guid.NewGuid();

        var statement = RowLockStatement.For<CounterState>(db, nameof(CounterState.CorrelationId));
        var sql = db.Set<CounterState>().FromSqlRaw(statement, id).ToQueryString();

        Assert.Equal("SELECT * FROM [counter_state] WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE [CorrelationId] = {0}", statement);
        Assert.Contains("WITH (UPDLOCK, ROWLOCK, HOLDLOCK) WHERE [CorrelationId] = @p0", sql);
        Assert.Contains("uniqueidentifier", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_lock_the_row_with_select_for_update_on_postgres()
    {
        using var db = Create<PostgresSagaTestDbContext>();

        var statement = RowLockStatement.For<ReservationState>(db, nameof(ReservationState.CorrelationId));

        Assert.Equal("SELECT * FROM reservation_state WHERE \"CorrelationId\" = {0} FOR UPDATE", statement);
    }

    [Fact]
    public void Should_rely_on_the_immediate_transaction_instead_of_a_row_lock_on_sqlite()
    {
        using var db = Create<SqliteSagaTestDbContext>();

        var statement = RowLockStatement.For<CounterState>(db, nameof(CounterState.CorrelationId));

        Assert.Equal("SELECT * FROM \"counter_state\" WHERE \"CorrelationId\" = {0}", statement);
    }

    private static TContext Create<TContext>()
        where TContext : DbContext, IProviderDbContext =>
        DesignTimeDbContextFactory<TContext>.Create(DesignTimeDbContextFactory<TContext>.DesignTimeConnectionString(TContext.Provider));
}
