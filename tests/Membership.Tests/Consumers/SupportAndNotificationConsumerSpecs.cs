using Changxing.Contracts.Membership;
using Changxing.Contracts.Points;
using Changxing.Contracts.Redemptions;
using Changxing.Membership.Notifications;
using Changxing.Membership.SupportTickets;
using Changxing.Membership.Tests.Support;
using Changxing.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.Tests.Consumers;

[Trait("Category", TestCategories.Database)]
public sealed class SupportAndNotificationConsumerSpecs : IAsyncLifetime
{
    private ConsumerHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await ConsumerHarness.StartAsync(x =>
    {
        x.AddConsumer<OpenSupportTicketConsumer>();
        x.AddConsumer<MemberNotificationConsumer>();
    });

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task Should_open_one_numbered_payment_ticket_with_the_failures_and_tell_the_member()
    {
        var memberId = Guid.NewGuid();
        var now = _bus.Clock.GetUtcNow();
        PaymentFailure[] failures =
        [
            new(Guid.NewGuid(), "WrongConsumptionPassword", now.AddMinutes(-3)),
            new(Guid.NewGuid(), "InsufficientAvailablePoints", now.AddMinutes(-2)),
            new(Guid.NewGuid(), "WrongConsumptionPassword", now.AddMinutes(-1)),
        ];
        var command = new OpenSupportTicket(memberId, OpenSupportTicket.PointsPaymentProblem, failures, now);
        await _bus.Harness.Bus.Publish(command);
        await _bus.Harness.Bus.Publish(command); // redelivered
        await _bus.Harness.Bus.Publish(command with { RecentFailures = [new(null, "SystemError", now)] }); // a fourth failure while open

        await Eventually.Until(() => _bus.QueryAsync(db => db.Notifications.AnyAsync(n => n.MemberId == memberId && n.Kind == NotificationKind.SupportTicketOpened)));
        await Eventually.Until(() => _bus.QueryAsync(async db => (await db.SupportTickets.Include(t => t.Failures).SingleAsync(t => t.MemberId == memberId)).Failures.Count == 4));

        var ticket = await _bus.QueryAsync(db => db.SupportTickets.SingleAsync(t => t.MemberId == memberId));
        Assert.Matches(@"^GD20261125-\d{6}$", ticket.Number);
        Assert.Equal("积分支付异常", ticket.Keyword);

        // Each command is answered with the one open ticket (Ticketing's counter counts a number once), and the member
        // is told once.
        await Eventually.Until(() => Task.FromResult(_bus.Harness.Published.Select<SupportTicketOpened>(m => m.Context.Message.MemberId == memberId).Count() >= 3));
        Assert.All(_bus.Harness.Published.Select<SupportTicketOpened>(m => m.Context.Message.MemberId == memberId), m => Assert.Equal(ticket.Number, m.Context.Message.TicketNumber));
        var notice = await _bus.QueryAsync(db => db.Notifications.SingleAsync(n => n.MemberId == memberId));
        Assert.Contains(ticket.Number, notice.BodyZh);
        Assert.Contains(ticket.Number, notice.BodyEn);
    }

    [Fact]
    public async Task Should_number_tickets_of_the_same_day_in_sequence()
    {
        var now = _bus.Clock.GetUtcNow();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await _bus.Harness.Bus.Publish(new OpenSupportTicket(first, OpenSupportTicket.PointsPaymentProblem, [], now));
        await Eventually.Until(() => _bus.QueryAsync(db => db.SupportTickets.AnyAsync(t => t.MemberId == first)));
        await _bus.Harness.Bus.Publish(new OpenSupportTicket(second, OpenSupportTicket.PointsPaymentProblem, [], now));
        await Eventually.Until(() => _bus.QueryAsync(db => db.SupportTickets.AnyAsync(t => t.MemberId == second)));

        var numbers = await _bus.QueryAsync(db => db.SupportTickets.OrderBy(t => t.Number).Select(t => t.Number).ToListAsync());
        Assert.Equal(["GD20261125-000001", "GD20261125-000002"], numbers);
    }

    [Fact]
    public async Task Should_turn_each_event_into_one_bilingual_message_even_when_redelivered()
    {
        var memberId = Guid.NewGuid();
        var now = _bus.Clock.GetUtcNow();
        var completed = new RedemptionCompleted(Guid.NewGuid(), memberId, "E123456789", "G1", new DateOnly(2026, 12, 1), "北京南", "上海虹桥",
            new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), "Second", "05", "12F", "张三", 55_300, now);
        object[] events =
        [
            completed,
            new RedemptionFailed(Guid.NewGuid(), memberId, "BeneficiaryNotYetEffective", "", true, now),
            new SupportTicketOpened(memberId, Guid.NewGuid(), "GD20261125-000001", "积分支付异常", now),
            new BeneficiaryBecameEffective(memberId, Guid.NewGuid(), "李四", new DateOnly(2026, 11, 25)),
            new PointsCredited(memberId, Guid.NewGuid(), 2765, "Trip", "E000000001", new DateOnly(2027, 11, 25), 12_000, now),
            new PointsExpiringSoon(memberId, Guid.NewGuid(), 300, new DateOnly(2026, 12, 20)),
        ];
        foreach (var e in events)
        {
            await _bus.Harness.Bus.Publish(e);
            await _bus.Harness.Bus.Publish(e);
        }

        await Eventually.Until(() => _bus.QueryAsync(db => db.Notifications.CountAsync(n => n.MemberId == memberId)), c => c == 6);
        Assert.True(await _bus.Harness.Consumed.Any<PointsExpiringSoon>());
        var all = await _bus.QueryAsync(db => db.Notifications.Where(n => n.MemberId == memberId).ToListAsync());
        Assert.Equal(6, all.Count);
        var ticket = Assert.Single(all, n => n.Kind == NotificationKind.TicketIssued);
        foreach (var part in new[] { "G1", "05车", "12F", "E123456789", "2026年12月1日", "08:00" })
        {
            Assert.Contains(part, ticket.BodyZh);
        }

        foreach (var part in new[] { "G1", "2026-12-01", "car 05 seat 12F", "E123456789" })
        {
            Assert.Contains(part, ticket.BodyEn);
        }

        AssertBodies(all, NotificationKind.BeneficiaryEffective, ["李四", "2026年11月25日"], ["李四", "2026-11-25"]);
        AssertBodies(all, NotificationKind.PointsCredited, ["2765积分", "2027年11月25日"], ["2765 points", "2027-11-25"]);
        AssertBodies(all, NotificationKind.PointsExpiringSoon, ["300积分", "2026年12月20日"], ["300 points", "2026-12-20"]);
        var failed = Assert.Single(all, n => n.Kind == NotificationKind.RedemptionFailed);
        Assert.Contains("受让人尚未生效", failed.BodyZh);
        Assert.Contains("not effective yet", failed.BodyEn);
        Assert.All(all, n => Assert.False(string.IsNullOrWhiteSpace(n.TitleZh) || string.IsNullOrWhiteSpace(n.TitleEn)));
    }

    private static void AssertBodies(IEnumerable<Notification> all, NotificationKind kind, string[] inChinese, string[] inEnglish)
    {
        var message = Assert.Single(all, n => n.Kind == kind);
        Assert.All(inChinese, part => Assert.Contains(part, message.BodyZh));
        Assert.All(inEnglish, part => Assert.Contains(part, message.BodyEn));
    }
}
