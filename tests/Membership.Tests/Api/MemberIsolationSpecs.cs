using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts.Membership;
using Changxing.Contracts.Redemptions;
using Changxing.Membership.Beneficiaries;
using Changxing.Membership.Notifications;
using Changxing.Membership.SupportTickets;
using Changxing.Membership.Tests.Support;
using Changxing.TestSupport;
using MassTransit.Testing;

namespace Changxing.Membership.Tests.Api;

/// <summary>A member can never read or change another member's data: someone else's resource answers 404.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class MemberIsolationSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    [Fact]
    public async Task Should_never_let_a_member_read_or_change_another_members_beneficiaries_tickets_or_notifications()
    {
        var alice = await MemberSession.RegisterAsync(factory, "爱丽丝");
        var mallory = await MemberSession.RegisterAsync(factory, "马洛里");

        var beneficiary = (await (await alice.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", TestPeople.IdNumber())))
            .Content.ReadFromJsonAsync<BeneficiaryView>(Json.Options))!;
        await factory.Harness.Bus.Publish(new OpenSupportTicket(alice.MemberId, OpenSupportTicket.PointsPaymentProblem, [], factory.Clock.GetUtcNow()));
        await factory.Harness.Bus.Publish(new RedemptionFailed(Guid.NewGuid(), alice.MemberId, "SoldOut", "", false, factory.Clock.GetUtcNow()));
        var page = await Eventually.Until(
            () => alice.Client.GetFromJsonAsync<NotificationPage>("/api/membership/notifications", Json.Options)!,
            p => p!.Items.Count >= 2);
        var tickets = await alice.Client.GetFromJsonAsync<List<SupportTicketView>>("/api/membership/support-tickets", Json.Options);
        var ticket = Assert.Single(tickets!);

        Assert.Equal(HttpStatusCode.NotFound, (await mallory.Client.GetAsync($"/api/membership/beneficiaries/{beneficiary.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.Client.DeleteAsync($"/api/membership/beneficiaries/{beneficiary.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.Client.GetAsync($"/api/membership/support-tickets/{ticket.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mallory.Client.PostAsync($"/api/membership/notifications/{page!.Items[0].Id}/read", null)).StatusCode);
        Assert.Empty((await mallory.Client.GetFromJsonAsync<BeneficiaryList>("/api/membership/beneficiaries", Json.Options))!.Items);
        Assert.Empty((await mallory.Client.GetFromJsonAsync<List<SupportTicketView>>("/api/membership/support-tickets", Json.Options))!);
        Assert.Empty((await mallory.Client.GetFromJsonAsync<NotificationPage>("/api/membership/notifications", Json.Options))!.Items);
        var markedAll = await mallory.Client.PostAsync("/api/membership/notifications/read-all", null);
        Assert.Equal(0, (await markedAll.Content.ReadFromJsonAsync<MarkedRead>())!.Marked);

        // Alice's data is untouched by all of that.
        Assert.Equal(HttpStatusCode.OK, (await alice.Client.GetAsync($"/api/membership/beneficiaries/{beneficiary.Id}")).StatusCode);
        Assert.Equal(2, (await alice.Client.GetFromJsonAsync<NotificationPage>("/api/membership/notifications", Json.Options))!.UnreadCount);
    }

    [Fact]
    public async Task Should_never_carry_another_members_notifications_on_a_members_stream()
    {
        var alice = await MemberSession.RegisterAsync(factory, "爱丽丝");
        var mallory = await MemberSession.RegisterAsync(factory, "马洛里");
        await factory.PublishPointsCreditedAsync(alice.MemberId, 100);
        var alicesFirst = (await Eventually.Until(() => alice.InboxAsync(), p => p.Items.Count == 1)).Items[0];
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        await using var alicesStream = await EventStreamReader.OpenAsync(factory, alice);
        // Presenting Alice's message id as the last one seen replays nothing of hers.
        await using var mallorysStream = await EventStreamReader.OpenAsync(factory, mallory, lastEventId: alicesFirst.Id.ToString());
        await factory.PublishPointsCreditedAsync(alice.MemberId, 200);
        var alicesSecond = await alicesStream.ReadNotificationAsync();
        await factory.PublishPointsCreditedAsync(mallory.MemberId, 300);

        var mallorysOwn = (await Eventually.Until(() => mallory.InboxAsync(), p => p.Items.Count == 1)).Items[0];
        var first = await mallorysStream.ReadNotificationAsync();
        Assert.Equal(mallorysOwn.Id.ToString(), first.Id);
        Assert.NotEqual(alicesSecond.Id, first.Id);
    }
}
