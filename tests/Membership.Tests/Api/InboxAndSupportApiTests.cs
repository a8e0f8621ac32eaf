using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Contracts.Points;
using Changxing.Membership.Notifications;
using Changxing.Membership.SupportTickets;
using Changxing.Membership.Tests.Support;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;

namespace Changxing.Membership.Tests.Api;

[Trait("Category", TestCategories.Database)]
public sealed class InboxAndSupportApiTests(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    [Fact]
    public async Task Should_list_newest_first_with_the_unread_count_and_mark_read()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await factory.Harness.Bus.Publish(new PointsCredited(member.MemberId, Guid.NewGuid(), 100, "Trip", null, new DateOnly(2027, 3, 1), 100, factory.Clock.GetUtcNow()));
        await Eventually.Until(() => member.Client.GetFromJsonAsync<NotificationPage>("/api/membership/notifications", Json.Options)!, p => p!.Items.Count == 1);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.Harness.Bus.Publish(new PointsExpiringSoon(member.MemberId, Guid.NewGuid(), 50, new DateOnly(2026, 3, 30)));
        var page = await Eventually.Until(() => member.Client.GetFromJsonAsync<NotificationPage>("/api/membership/notifications", Json.Options)!, p => p!.Items.Count == 2);

        Assert.Equal(2, page!.UnreadCount);
        Assert.Equal(NotificationKind.PointsExpiringSoon, page.Items[0].Kind);
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.PostAsync($"/api/membership/notifications/{page.Items[1].Id}/read", null)).StatusCode);
        Assert.Equal(1, (await member.Client.GetFromJsonAsync<NotificationPage>("/api/membership/notifications", Json.Options))!.UnreadCount);
        await Problems.AssertAsync(await member.Client.PostAsync($"/api/membership/notifications/{Guid.NewGuid()}/read", null), HttpStatusCode.NotFound, ReasonCodes.NotFound);

        var all = await member.Client.PostAsync("/api/membership/notifications/read-all", null);
        Assert.Equal(1, (await all.Content.ReadFromJsonAsync<MarkedRead>())!.Marked);
        Assert.Equal(0, (await member.Client.GetFromJsonAsync<NotificationPage>("/api/membership/notifications", Json.Options))!.UnreadCount);
    }

    [Fact]
    public async Task Should_let_support_staff_list_view_and_resolve_tickets_and_the_member_see_their_own()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await factory.Harness.Bus.Publish(new OpenSupportTicket(member.MemberId, OpenSupportTicket.PointsPaymentProblem,
            [new PaymentFailure(Guid.NewGuid(), ReasonCodes.WrongConsumptionPassword, factory.Clock.GetUtcNow())], factory.Clock.GetUtcNow()));
        var mine = await Eventually.Until(() => member.Client.GetFromJsonAsync<List<SupportTicketView>>("/api/membership/support-tickets", Json.Options)!, t => t!.Count == 1);
        var ticket = mine![0];
        Assert.Single(ticket.Failures);
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync($"/api/membership/support-tickets/{ticket.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync("/api/membership/support/tickets")).StatusCode);

        var support = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Support);
        var open = await support.GetFromJsonAsync<List<SupportTicketView>>("/api/membership/support/tickets?status=Open", Json.Options);
        Assert.Contains(open!, t => t.Id == ticket.Id);
        Assert.Equal(ticket.Number, (await support.GetFromJsonAsync<SupportTicketView>($"/api/membership/support/tickets/{ticket.Id}", Json.Options))!.Number);

        await Problems.AssertAsync(await support.PostAsJsonAsync($"/api/membership/support/tickets/{ticket.Id}/resolve", new ResolveTicketRequest("")),
            HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
        var resolved = await support.PostAsJsonAsync($"/api/membership/support/tickets/{ticket.Id}/resolve", new ResolveTicketRequest("已人工复核,积分已退回"));
        Assert.Equal(SupportTicketStatus.Resolved, (await resolved.Content.ReadFromJsonAsync<SupportTicketView>(Json.Options))!.Status);
        Assert.True(await factory.Harness.Published.Any<SupportTicketResolved>(m => m.Context.Message.TicketId == ticket.Id));
        await Problems.AssertAsync(await support.PostAsJsonAsync($"/api/membership/support/tickets/{ticket.Id}/resolve", new ResolveTicketRequest("again")),
            HttpStatusCode.Conflict, MembershipReasonCodes.NotPending);
        await Problems.AssertAsync(await support.GetAsync($"/api/membership/support/tickets/{Guid.NewGuid()}"), HttpStatusCode.NotFound, ReasonCodes.NotFound);

        // Resolved, so the next payment problem opens a new ticket.
        await factory.Harness.Bus.Publish(new OpenSupportTicket(member.MemberId, OpenSupportTicket.PointsPaymentProblem, [], factory.Clock.GetUtcNow()));
        await Eventually.Until(() => member.Client.GetFromJsonAsync<List<SupportTicketView>>("/api/membership/support-tickets", Json.Options)!, t => t!.Count == 2);
    }
}
