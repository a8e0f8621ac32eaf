using Changxing.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Messaging.Tests.Sagas;

/// <summary>A service's migrations create the saga tables beside its own: the mapped schema per provider, no server needed.</summary>
public sealed class SagaClassMapSpecs
{
    [Fact]
    public void Should_create_the_saga_table_with_its_deadline_columns_and_index_on_sql_server()
    {
        using var db = Create<SqlServerSagaTestDbContext>();

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE [reservation_state]", script);
        Assert.Contains("[CorrelationId] uniqueidentifier NOT NULL", script);
        Assert.Contains("[DeadlineStep] nvarchar(64) NULL", script);
        Assert.Contains("[DeadlineAt] datetime2 NULL", script);
        Assert.Contains("CONSTRAINT [PK_reservation_state] PRIMARY KEY ([CorrelationId])", script);
        Assert.Contains("CREATE INDEX [IX_reservation_state_DeadlineAt]", script);
    }

    [Fact]
    public void Should_store_the_deadline_as_a_utc_timestamp_on_postgres_and_sqlite()
    {
        using var postgres = Create<PostgresSagaTestDbContext>();
        using var sqlite = Create<SqliteSagaTestDbContext>();

        Assert.Contains("\"DeadlineAt\" timestamp with time zone", postgres.Database.GenerateCreateScript());
        Assert.Contains("\"DeadlineAt\" TEXT NULL", sqlite.Database.GenerateCreateScript());
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
