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
public sealed class InboxAndSupportApiSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
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

    [Fact]
    public async Task Should_page_the_inbox_with_limit_and_list_only_unread_messages_when_asked()
    {
        var member = await MemberSession.RegisterAsync(factory);
        for (var i = 1; i <= 4; i++)
        {
            await factory.PublishPointsCreditedAsync(member.MemberId, 100 * i);
            var count = i;
            await Eventually.Until(() => member.InboxAsync(), p => p.Items.Count == count);
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var all = await member.InboxAsync(); // newest first: 400, 300, 200, 100
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.PostAsync($"/api/membership/notifications/{all.Items[1].Id}/read", null)).StatusCode);
        Guid[] Ids(params int[] positions) => positions.Select(p => all.Items[p].Id).ToArray();
        async Task<NotificationPage> PageAsync(string query) =>
            (await member.Client.GetFromJsonAsync<NotificationPage>($"/api/membership/notifications?{query}", Json.Options))!;

        var firstTwo = await PageAsync("limit=2");
        Assert.Equal(Ids(0, 1), firstTwo.Items.Select(n => n.Id));
        Assert.Equal(3, firstTwo.UnreadCount); // the count covers the whole inbox, not the page

        var unread = await PageAsync("unreadOnly=true");
        Assert.Equal(Ids(0, 2, 3), unread.Items.Select(n => n.Id));
        Assert.All(unread.Items, n => Assert.Null(n.ReadAt));
        Assert.Equal(3, unread.UnreadCount);

        Assert.Equal(Ids(0, 2), (await PageAsync("limit=2&unreadOnly=true")).Items.Select(n => n.Id));
        Assert.Equal(4, (await PageAsync("unreadOnly=false")).Items.Count);
    }

    [Fact]
    public async Task Should_filter_the_support_desk_list_by_member_and_answer_404_to_resolving_an_unknown_ticket()
    {
        var first = await MemberSession.RegisterAsync(factory);
        var second = await MemberSession.RegisterAsync(factory);
        foreach (var member in new[] { first, second })
        {
            await factory.Harness.Bus.Publish(new OpenSupportTicket(member.MemberId, OpenSupportTicket.PointsPaymentProblem, [], factory.Clock.GetUtcNow()));
            await Eventually.Until(() => member.Client.GetFromJsonAsync<List<SupportTicketView>>("/api/membership/support-tickets", Json.Options)!, t => t!.Count == 1);
        }

        var support = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Support);
        var firsts = await support.GetFromJsonAsync<List<SupportTicketView>>($"/api/membership/support/tickets?memberId={first.MemberId}", Json.Options);
        Assert.Equal(first.MemberId, Assert.Single(firsts!).MemberId);
        Assert.Equal(second.MemberId, Assert.Single((await support.GetFromJsonAsync<List<SupportTicketView>>(
            $"/api/membership/support/tickets?status=Open&memberId={second.MemberId}", Json.Options))!).MemberId);
        Assert.Empty((await support.GetFromJsonAsync<List<SupportTicketView>>($"/api/membership/support/tickets?status=Resolved&memberId={first.MemberId}", Json.Options))!);
        Assert.Empty((await support.GetFromJsonAsync<List<SupportTicketView>>($"/api/membership/support/tickets?memberId={Guid.NewGuid()}", Json.Options))!);

        await Problems.AssertAsync(await support.PostAsJsonAsync($"/api/membership/support/tickets/{Guid.NewGuid()}/resolve", new ResolveTicketRequest("已人工复核")),
            HttpStatusCode.NotFound, ReasonCodes.NotFound);
    }
}
