using Changxing.Messaging.Data;
using Changxing.TestSupport;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Redemptions.Strikes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Changxing.Ticketing.Tests.Redemptions;

/// <summary>
/// Counters stored before the ticket request had a deadline (the StrikeCounterTicketRequestDeadline migration): one
/// that asked for a ticket and never heard back must ask again, and an open ticket must not be counted twice.
/// </summary>
[Trait("Category", TestCategories.Database)]
public sealed class StrikeCounterUpgradeSpecs
{
    [Fact]
    public async Task Should_ask_again_for_a_ticket_asked_for_before_the_upgrade_and_keep_the_open_ticket_counted_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var waiting = Guid.NewGuid();
        var open = Guid.NewGuid();
        await using (var before = Create(database))
        {
            await before.GetService<IMigrator>().MigrateAsync("TransactionalOutbox");
            var (yes, no, at) = database.Provider == DatabaseProvider.Postgres ? ("TRUE", "FALSE", "'2026-03-01 02:00:00+00'") : ("1", "0", "'2026-03-01 02:00:00'");
            // Only this test's own literals go into the text.
            var insert = $"""
                INSERT INTO "payment_strikes" ("CorrelationId", "CurrentState", "ConsecutiveFailures", "RecentFailures", "TicketRequested", "OpenTicketNumber", "TicketsOpened", "UpdatedAt")
                VALUES ('{Key(waiting, database)}', 'Counting', 0, '[]', {yes}, NULL, 0, {at}),
                       ('{Key(open, database)}', 'Counting', 1, '[]', {yes}, 'GD20260301-000003', 1, {at}),
                       ('{Key(Guid.NewGuid(), database)}', 'Counting', 2, '[]', {no}, NULL, 0, {at});
                """;
            await before.Database.ExecuteSqlRawAsync(insert);
        }

        await using var after = Create(database);
        await after.Database.MigrateAsync();
        var counters = await after.Set<PaymentStrikeState>().AsNoTracking().ToDictionaryAsync(c => c.CorrelationId);

        Assert.Equal(PaymentStrikeStateMachine.OpenSupportTicketStep, counters[waiting].DeadlineStep);
        Assert.True(counters[waiting].DeadlineAt < DateTimeOffset.UtcNow, "the old request is due at once");
        Assert.Empty(PaymentStrikes.Requested(counters[waiting]));
        Assert.Equal("GD20260301-000003", counters[open].LastTicketNumber);
        Assert.Null(counters[open].DeadlineStep);
        Assert.Single(counters.Values, c => c.DeadlineStep is not null);
    }

    // EF Core stores a Guid as upper-case text on SQLite; PostgreSQL takes the text as a uuid.
    private static string Key(Guid id, TestDatabase database) =>
        database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id.ToString();

    private static TicketingDbContext Create(TestDatabase database) => database.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteTicketingDbContext(database.Options<SqliteTicketingDbContext>()),
        DatabaseProvider.Postgres => new PostgresTicketingDbContext(database.Options<PostgresTicketingDbContext>()),
        _ => throw new NotSupportedException(database.Provider.ToString()),
    };
}
