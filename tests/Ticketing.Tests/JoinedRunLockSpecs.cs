using Changxing.TestSupport;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Search;
using Changxing.Ticketing.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

/// <summary>
/// A seat taken inside a transaction the caller holds (the redemption saga's): the change joins that transaction, and
/// search shows it only once the caller commits, never when the caller rolls back.
/// </summary>
[Trait("Category", TestCategories.Database)]
public class JoinedRunLockSpecs(TicketingTestHost host) : IClassFixture<TicketingTestHost>
{
    [Fact]
    public async Task Should_show_a_seat_taken_in_the_callers_transaction_only_after_the_caller_commits()
    {
        var day = await AddRunAsync("G9501");
        var before = QuotaLeft("G9501", day);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();

        // As the saga's transaction runs: the provider's retrying strategy admits a transaction of the caller's only inside it.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var outcome = await scope.ServiceProvider.GetRequiredService<TicketOffice>().IssueForRedemptionAsync(Request("G9501", day, "j1"), default);
            Assert.NotNull(outcome.Value);
            Assert.Equal(before, QuotaLeft("G9501", day));
            await transaction.CommitAsync();
        });

        Assert.Equal(before - 1, QuotaLeft("G9501", day));
    }

    [Fact]
    public async Task Should_never_show_a_seat_taken_in_a_transaction_that_rolled_back()
    {
        var day = await AddRunAsync("G9502");
        var before = QuotaLeft("G9502", day);
        var rolledBack = Request("G9502", day, "j2");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TicketingDbContext>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                Assert.NotNull((await scope.ServiceProvider.GetRequiredService<TicketOffice>().IssueForRedemptionAsync(rolledBack, default)).Value);
                await transaction.RollbackAsync();
            });
        }

        Assert.Equal(before, QuotaLeft("G9502", day));
        Assert.Equal(0, await host.InScopeAsync(sp => sp.GetRequiredService<TicketingDbContext>().Tickets.CountAsync(t => t.RedemptionId == rolledBack.RedemptionId)));

        // The run's next change is shown, whatever version the rolled-back one had reached.
        Assert.NotNull((await host.InScopeAsync(sp => sp.GetRequiredService<TicketOffice>().IssueForRedemptionAsync(Request("G9502", day, "j3"), default))).Value);
        Assert.Equal(before - 1, QuotaLeft("G9502", day));
    }

    private async Task<DateOnly> AddRunAsync(string train)
    {
        var day = new DateOnly(2026, 3, 25);
        await host.AddTrainAsync(TicketingTestHost.TestTrain(train, "VNP JGK NKH AOH", rows: 2, letters: "AB"));
        await host.AddAllotmentAsync(train, day, "Second", quota: 3);
        return day;
    }

    private static RedemptionTicketRequest Request(string train, DateOnly day, string passenger) =>
        new(Guid.NewGuid(), Guid.NewGuid(), train, day, "VNP", "AOH", "Second", passenger, "王五", "1101**********0007", 55300);

    private int QuotaLeft(string train, DateOnly day) =>
        host.Services.GetRequiredService<SearchReadModel>().Find(train, day)!.QuotaLeft("Second", "VNP", "AOH");
}
