using Changxing.Contracts.Membership;
using Changxing.Membership.Notifications;
using Changxing.Membership.SupportTickets;
using Changxing.Membership.Tests.Support;
using Changxing.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.Tests.Consumers;

/// <summary>SupportTicketOpened is not lost when publishing it fails after the ticket was saved, and a repeated command is answered with the same ticket.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class SupportTicketAnnouncementSpecs : IAsyncLifetime
{
    private int _failuresLeft = 1;
    private ConsumerHarness _bus = null!;

    public async Task InitializeAsync() => _bus = await ConsumerHarness.StartAsync(x =>
    {
        x.AddConsumer<OpenSupportTicketConsumer>();
        x.AddConsumer<MemberNotificationConsumer>();
        x.UsingInMemory((context, cfg) =>
        {
            // The broker refuses the first SupportTicketOpened, as if the connection dropped right after the save.
            cfg.ConfigurePublish(p => p.UseExecute(publish =>
            {
                if (publish is PublishContext<SupportTicketOpened> && Interlocked.Decrement(ref _failuresLeft) >= 0)
                {
                    throw new InvalidOperationException("The broker is unreachable (test fault).");
                }
            }));
            cfg.ConfigureEndpoints(context);
        });
    });

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task Should_announce_the_opened_ticket_when_the_first_publish_failed_after_the_ticket_was_saved_and_answer_a_repeat_with_it()
    {
        var memberId = Guid.NewGuid();
        var now = _bus.Clock.GetUtcNow();
        await _bus.Harness.Bus.Publish(new OpenSupportTicket(memberId, OpenSupportTicket.PointsPaymentProblem,
            [new PaymentFailure(Guid.NewGuid(), "WrongConsumptionPassword", now)], now));

        // The member hears of it: the retried command published the event for the ticket the first attempt saved.
        var notice = await Eventually.Until(
            () => _bus.QueryAsync(db => db.Notifications.SingleOrDefaultAsync(n => n.MemberId == memberId && n.Kind == NotificationKind.SupportTicketOpened)),
            n => n is not null, because: "SupportTicketOpened was lost");
        var ticket = await _bus.QueryAsync(db => db.SupportTickets.SingleAsync(t => t.MemberId == memberId));
        Assert.True(_failuresLeft < 0, "the test fault never fired");
        Assert.Contains(ticket.Number, notice!.BodyZh);

        // A later command for the open ticket (the strike counter asking again, its answer lost) is answered with the
        // same ticket, and the member is not told twice.
        await _bus.Harness.Bus.Publish(new OpenSupportTicket(memberId, OpenSupportTicket.PointsPaymentProblem, [new PaymentFailure(null, "SystemError", now)], now));
        await Eventually.Until(() => Task.FromResult(
            _bus.Harness.Consumed.Select<SupportTicketOpened>(m => m.Exception is null && m.Context.Message.MemberId == memberId).Count() == 2));
        Assert.All(
            _bus.Harness.Published.Select<SupportTicketOpened>(m => m.Exception is null && m.Context.Message.MemberId == memberId),
            m => Assert.Equal(ticket.Number, m.Context.Message.TicketNumber));
        Assert.Equal(2, (await _bus.QueryAsync(db => db.SupportTickets.Include(t => t.Failures).SingleAsync(t => t.MemberId == memberId))).Failures.Count);
        Assert.Equal(1, await _bus.QueryAsync(db => db.Notifications.CountAsync(n => n.MemberId == memberId && n.Kind == NotificationKind.SupportTicketOpened)));
    }
}
