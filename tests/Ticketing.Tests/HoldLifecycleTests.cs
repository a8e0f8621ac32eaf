using Changxing.Contracts;
using Changxing.TestSupport;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Search;
using Changxing.Ticketing.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

[Trait("Category", TestCategories.Database)]
public class HoldLifecycleTests(TicketingTestHost host) : IClassFixture<TicketingTestHost>
{
    [Fact]
    public async Task Should_free_the_seat_and_the_quota_when_a_hold_expires_after_30_minutes()
    {
        var day = new DateOnly(2026, 3, 20);
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9401", "VNP JGK NKH AOH", rows: 1, letters: "A"));
        await host.AddAllotmentAsync("G9401", day, "Second", quota: 1);
        var redemption = Guid.NewGuid();
        var sweeper = host.Services.GetRequiredService<HoldExpirySweeper>();
        Assert.NotNull((await HoldAsync("G9401", day, redemption, "e1")).Hold);
        Assert.Equal(0, QuotaLeft("G9401", day));

        host.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await sweeper.RunOnceAsync(default));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await sweeper.RunOnceAsync(default));

        Assert.Equal(1, QuotaLeft("G9401", day));
        Assert.NotNull((await HoldAsync("G9401", day, Guid.NewGuid(), "e2")).Hold);
        var issue = await host.InScopeAsync(sp => sp.GetRequiredService<TicketOffice>().IssueAsync(redemption, "钱七", "1101**********0001", 55300, default));
        Assert.Equal(ReasonCodes.HoldExpired, issue.Reason);
    }

    [Fact]
    public async Task Should_refuse_to_ticket_a_hold_whose_time_ran_out_before_the_sweeper_came()
    {
        var day = new DateOnly(2026, 3, 21);
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9402", "VNP JGK NKH AOH", rows: 1, letters: "A"));
        await host.AddAllotmentAsync("G9402", day, "Second", quota: 5);
        var redemption = Guid.NewGuid();
        Assert.NotNull((await HoldAsync("G9402", day, redemption, "e3")).Hold);

        host.Clock.Advance(TimeSpan.FromMinutes(31));
        var issue = await host.InScopeAsync(sp => sp.GetRequiredService<TicketOffice>().IssueAsync(redemption, "孙八", "1101**********0002", 55300, default));

        Assert.Equal(ReasonCodes.HoldExpired, issue.Reason);
        Assert.Equal(5, QuotaLeft("G9402", day));
    }

    [Fact]
    public async Task Should_issue_the_same_ticket_when_the_issue_command_is_repeated()
    {
        var day = new DateOnly(2026, 3, 22);
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9403", "VNP JGK NKH AOH", rows: 2, letters: "AB"));
        await host.AddAllotmentAsync("G9403", day, "Second", quota: 5);
        var redemption = Guid.NewGuid();
        await HoldAsync("G9403", day, redemption, "i1");

        var first = await host.InScopeAsync(sp => sp.GetRequiredService<TicketOffice>().IssueAsync(redemption, "周九", "1101**********0003", 55300, default));
        var second = await host.InScopeAsync(sp => sp.GetRequiredService<TicketOffice>().IssueAsync(redemption, "周九", "1101**********0003", 55300, default));

        Assert.Equal(first.Ticket!.TicketNumber, second.Ticket!.TicketNumber);
        Assert.Equal(PaymentMethodPoints, first.Ticket.PaymentMethod);
        var count = await host.InScopeAsync(sp => sp.GetRequiredService<TicketingDbContext>().Tickets.CountAsync(t => t.RedemptionId == redemption));
        Assert.Equal(1, count);

        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.Services.GetRequiredService<HoldExpirySweeper>().RunOnceAsync(default);
        var status = await host.InScopeAsync(sp => sp.GetRequiredService<TicketingDbContext>().SeatHolds.Where(h => h.RedemptionId == redemption).Select(h => h.Status).SingleAsync());
        Assert.Equal(HoldStatus.Ticketed, status);
    }

    [Fact]
    public async Task Should_refuse_to_issue_a_ticket_for_a_redemption_without_a_hold()
    {
        var issue = await host.InScopeAsync(sp => sp.GetRequiredService<TicketOffice>().IssueAsync(Guid.NewGuid(), "吴十", "1101**********0004", 100, default));

        Assert.Equal(ReasonCodes.HoldNotFound, issue.Reason);
    }

    private const string PaymentMethodPoints = PaymentMethod.Points;

    private int QuotaLeft(string train, DateOnly day) =>
        host.Services.GetRequiredService<SearchReadModel>().Find(train, day)!.QuotaLeft("Second", "VNP", "AOH");

    private Task<HoldOutcome> HoldAsync(string train, DateOnly day, Guid redemption, string passenger) =>
        host.InScopeAsync(sp => sp.GetRequiredService<SeatInventory>().HoldAsync(
            new HoldRequest(redemption, Guid.NewGuid(), train, day, "VNP", "AOH", "Second", passenger), default));
}
