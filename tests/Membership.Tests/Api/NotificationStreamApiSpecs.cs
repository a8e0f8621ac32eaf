using System.Net.Http.Json;
using Changxing.Contracts.Membership;
using Changxing.Membership.Notifications;
using Changxing.Membership.Tests.Support;
using Changxing.TestSupport;

namespace Changxing.Membership.Tests.Api;

/// <summary>The member's server-sent-event stream: live messages, the keep-alive heartbeat and replay after Last-Event-ID.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class NotificationStreamApiSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    private static readonly TimeSpan Heartbeat = new NotificationStreamOptions().StreamHeartbeat;

    [Fact]
    public async Task Should_push_a_new_notification_to_the_members_event_stream()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await using var stream = await EventStreamReader.OpenAsync(factory, member);
        Assert.Equal("text/event-stream", stream.MediaType);

        await factory.Harness.Bus.Publish(new SupportTicketOpened(member.MemberId, Guid.NewGuid(), "GD20260301-000042", OpenSupportTicket.PointsPaymentProblem, factory.Clock.GetUtcNow()));

        var (id, data) = await stream.ReadNotificationAsync();
        Assert.Contains("GD20260301-000042", data);
        Assert.Equal((await member.InboxAsync()).Items[0].Id.ToString(), id);
    }

    [Fact]
    public async Task Should_send_a_keep_alive_comment_each_time_an_idle_stream_reaches_the_heartbeat_interval()
    {
        Assert.True(Heartbeat < TimeSpan.FromSeconds(30), "the gateway cuts a membership response silent for 30 s");
        var member = await MemberSession.RegisterAsync(factory);
        await using var stream = await EventStreamReader.OpenAsync(factory, member);

        // Just before the interval nothing is due: the next frame is the message pushed then, not a heartbeat.
        factory.Clock.Advance(Heartbeat - TimeSpan.FromSeconds(1));
        await factory.PublishPointsCreditedAsync(member.MemberId, 100);
        Assert.Contains("\"kind\":\"PointsCredited\"", EventStreamReader.Notification(await stream.ReadFrameAsync()).Data);

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([NotificationStreamResponse.KeepAlive.TrimEnd('\n')], await stream.ReadFrameAsync());
        factory.Clock.Advance(Heartbeat);
        Assert.Equal([NotificationStreamResponse.KeepAlive.TrimEnd('\n')], await stream.ReadFrameAsync());
    }

    [Fact]
    public async Task Should_replay_only_the_messages_stored_after_the_last_event_id_when_the_member_reconnects()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var other = await MemberSession.RegisterAsync(factory, "李四");
        await factory.PublishPointsCreditedAsync(member.MemberId, 101);
        var seen = (await WaitForInboxAsync(member, 1)).Items[0];
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.PublishPointsCreditedAsync(member.MemberId, 102);
        await WaitForInboxAsync(member, 2);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.PublishPointsCreditedAsync(other.MemberId, 999);
        await factory.PublishPointsCreditedAsync(member.MemberId, 103);
        await WaitForInboxAsync(other, 1);
        var missed = (await WaitForInboxAsync(member, 3)).Items.Take(2).Reverse().ToList();

        await using var stream = await EventStreamReader.OpenAsync(factory, member, lastEventId: seen.Id.ToString());

        Assert.Equal(missed[0].Id.ToString(), (await stream.ReadNotificationAsync()).Id);
        Assert.Equal(missed[1].Id.ToString(), (await stream.ReadNotificationAsync()).Id);

        // Nothing else was replayed: the next event is the next live message.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.PublishPointsCreditedAsync(member.MemberId, 104);
        var live = await stream.ReadNotificationAsync();
        Assert.Equal((await WaitForInboxAsync(member, 4)).Items[0].Id.ToString(), live.Id);
    }

    private static async Task<NotificationPage> WaitForInboxAsync(MemberSession member, int count) =>
        (await Eventually.Until(member.InboxAsync, p => p.Items.Count == count))!;
}
