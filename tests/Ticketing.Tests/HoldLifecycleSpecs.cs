using Changxing.Contracts;
using Changxing.ServiceDefaults.Outcomes;
using Changxing.TestSupport;
using Changxing.Ticketing.Data;
using Changxing.Ticketing.Inventory;
using Changxing.Ticketing.Search;
using Changxing.Ticketing.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Ticketing.Tests;

[Trait("Category", TestCategories.Database)]
public class HoldLifecycleSpecs(TicketingTestHost host) : IClassFixture<TicketingTestHost>
{
    [Fact]
    public async Task Should_free_the_seat_and_the_quota_when_a_hold_expires_after_30_minutes()
    {
        var day = new DateOnly(2026, 3, 20);
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9401", "VNP JGK NKH AOH", rows: 1, letters: "A"));
        await host.AddAllotmentAsync("G9401", day, "Second", quota: 1);
        var redemption = Guid.NewGuid();
        var sweeper = host.Services.GetRequiredService<HoldExpiryJob>();
        Assert.NotNull((await HoldAsync("G9401", day, redemption, "e1")).Value);
        Assert.Equal(0, QuotaLeft("G9401", day));

        host.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await sweeper.RunOnceAsync(default));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await sweeper.RunOnceAsync(default));

        Assert.Equal(1, QuotaLeft("G9401", day));
        Assert.NotNull((await HoldAsync("G9401", day, Guid.NewGuid(), "e2")).Value);
        var issue = await IssueAsync("G9401", day, redemption, "e1");
        Assert.Equal(ReasonCodes.HoldExpired, issue.Reason);
    }

    [Fact]
    public async Task Should_refuse_to_ticket_a_hold_whose_time_ran_out_before_the_sweeper_came()
    {
        var day = new DateOnly(2026, 3, 21);
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9402", "VNP JGK NKH AOH", rows: 1, letters: "A"));
        await host.AddAllotmentAsync("G9402", day, "Second", quota: 5);
        var redemption = Guid.NewGuid();
        Assert.NotNull((await HoldAsync("G9402", day, redemption, "e3")).Value);

        host.Clock.Advance(TimeSpan.FromMinutes(31));
        var issue = await IssueAsync("G9402", day, redemption, "e3");

        Assert.Equal(ReasonCodes.HoldExpired, issue.Reason);
        Assert.Equal(5, QuotaLeft("G9402", day));
    }

    [Fact]
    public async Task Should_ticket_a_held_seat_once_when_asked_again_and_never_expire_it()
    {
        var day = new DateOnly(2026, 3, 22);
        await host.AddTrainAsync(TicketingTestHost.TestTrain("G9403", "VNP JGK NKH AOH", rows: 2, letters: "AB"));
        await host.AddAllotmentAsync("G9403", day, "Second", quota: 5);
        var redemption = Guid.NewGuid();
        await HoldAsync("G9403", day, redemption, "i1");

        var first = await IssueAsync("G9403", day, redemption, "i1");
        var second = await IssueAsync("G9403", day, redemption, "i1");

        Assert.Equal(first.Value!.TicketNumber, second.Value!.TicketNumber);
        Assert.Equal(PaymentMethodPoints, first.Value.PaymentMethod);
        var count = await host.InScopeAsync(sp => sp.GetRequiredService<TicketingDbContext>().Tickets.CountAsync(t => t.RedemptionId == redemption));
        Assert.Equal(1, count);

        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.Services.GetRequiredService<HoldExpiryJob>().RunOnceAsync(default);
        var status = await host.InScopeAsync(sp => sp.GetRequiredService<TicketingDbContext>().SeatHolds.Where(h => h.RedemptionId == redemption).Select(h => h.Status).SingleAsync());
        Assert.Equal(HoldStatus.Ticketed, status);
    }

    private const string PaymentMethodPoints = PaymentMethod.Points;

    private int QuotaLeft(string train, DateOnly day) =>
        host.Services.GetRequiredService<SearchReadModel>().Find(train, day)!.QuotaLeft("Second", "VNP", "AOH");

    private Task<Outcome<Ticket>> IssueAsync(string train, DateOnly day, Guid redemption, string passenger) =>
        host.InScopeAsync(sp => sp.GetRequiredService<TicketOffice>().IssueForRedemptionAsync(
            new RedemptionTicketRequest(redemption, Guid.NewGuid(), train, day, "VNP", "AOH", "Second", passenger, "周九", "1101**********0003", 55300), default));

    private Task<Outcome<SeatHold>> HoldAsync(string train, DateOnly day, Guid redemption, string passenger) =>
        host.InScopeAsync(sp => sp.GetRequiredService<SeatInventory>().HoldAsync(
            new HoldRequest(redemption, Guid.NewGuid(), train, day, "VNP", "AOH", "Second", passenger), default));
}
