using Changxing.Messaging.Data;
using Changxing.Messaging.Sagas;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>The row lock each provider takes when a saga instance is loaded; built from the model, no server needed.</summary>
public sealed class SagaLockStatementSpecs
{
    [Fact]
    public void Should_lock_the_saga_row_with_updlock_and_rowlock_on_sql_server()
    {
        using var db = Create<SqlServerSagaTestDbContext>();
        var id = Guid.NewGuid();

        var statement = SagaLockStatement.For<CounterState>(db);
        var sql = db.Set<CounterState>().FromSqlRaw(statement, id).ToQueryString();

        Assert.Equal("SELECT * FROM [counter_state] WITH (UPDLOCK, ROWLOCK) WHERE [CorrelationId] = {0}", statement);
        Assert.Contains("WITH (UPDLOCK, ROWLOCK) WHERE [CorrelationId] = @p0", sql);
        Assert.Contains("uniqueidentifier", sql, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_lock_the_saga_row_with_select_for_update_on_postgres()
    {
        using var db = Create<PostgresSagaTestDbContext>();

        var statement = SagaLockStatement.For<ReservationState>(db);

        Assert.Equal("SELECT * FROM reservation_state WHERE \"CorrelationId\" = {0} FOR UPDATE", statement);
    }

    [Fact]
    public void Should_rely_on_the_immediate_transaction_instead_of_a_row_lock_on_sqlite()
    {
        using var db = Create<SqliteSagaTestDbContext>();

        var statement = SagaLockStatement.For<CounterState>(db);

        Assert.Equal("SELECT * FROM \"counter_state\" WHERE \"CorrelationId\" = {0}", statement);
    }

    [Fact]
    public void Should_key_saga_tables_by_a_correlation_id_the_database_never_generates()
    {
        using var db = Create<SqliteSagaTestDbContext>();

        var entity = db.Model.FindEntityType(typeof(ReservationState))!;

        Assert.Equal([nameof(ReservationState.CorrelationId)], entity.FindPrimaryKey()!.Properties.Select(p => p.Name));
        Assert.Equal(Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never, entity.FindProperty(nameof(ReservationState.CorrelationId))!.ValueGenerated);
        Assert.NotNull(entity.FindIndex(entity.FindProperty(nameof(ReservationState.DeadlineAt))!));
    }

    private static TContext Create<TContext>()
        where TContext : DbContext, IProviderDbContext =>
        DesignTimeDbContextFactory<TContext>.Create(DesignTimeDbContextFactory<TContext>.DesignTimeConnectionString(TContext.Provider));
}
