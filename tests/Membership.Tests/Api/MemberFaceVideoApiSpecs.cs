using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Activation;
using Changxing.Membership.Tests.Support;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;

namespace Changxing.Membership.Tests.Api;

/// <summary>The face video a member uploads for activation is kept, like a beneficiary's, for the reviewer to watch.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class MemberFaceVideoApiSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    private HttpClient Reviewer => factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Reviewer);

    [Fact]
    public async Task Should_answer_a_members_activation_face_video_inline_as_the_video_type_it_was_accepted_as_to_a_reviewer_only()
    {
        var member = await MemberSession.RegisterAsync(factory, "赵六");
        var video = Samples.FaceVideo(fill: 7);
        await PassRealNameAsync(member, "赵六");
        (await member.Client.PostAsync("/api/membership/activation/face", Samples.Face(video))).EnsureSuccessStatusCode();

        var queue = await Reviewer.GetFromJsonAsync<List<MemberReviewItem>>("/api/membership/reviews/members", Json.Options);
        var item = Assert.Single(queue!, m => m.MemberId == member.MemberId);
        Assert.Equal($"/api/membership/reviews/members/{member.MemberId}/files/face-video", item.FaceVideo);

        using var response = await Reviewer.GetAsync(item.FaceVideo);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(video, await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync(item.FaceVideo)).StatusCode);
    }

    [Fact]
    public async Task Should_keep_the_video_of_the_retry_after_a_failed_face_check()
    {
        var member = await MemberSession.RegisterAsync(factory, "钱七");
        await PassRealNameAsync(member, "钱七");
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/activation/face", Samples.Face(Samples.FaceVideo(length: 100, fill: 4))),
            HttpStatusCode.UnprocessableEntity, MembershipReasonCodes.FaceNotMatched);
        var retry = Samples.FaceVideo(fill: 5);
        (await member.Client.PostAsync("/api/membership/activation/face", Samples.Face(retry))).EnsureSuccessStatusCode();

        using var response = await Reviewer.GetAsync($"/api/membership/reviews/members/{member.MemberId}/files/face-video");
        Assert.Equal(retry, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Should_answer_404_when_no_face_video_was_kept_or_the_member_is_unknown()
    {
        var member = await MemberSession.RegisterAsync(factory, "周九");
        await PassRealNameAsync(member, "周九");

        var waiting = await Reviewer.GetFromJsonAsync<List<MemberReviewItem>>("/api/membership/reviews/members?status=AwaitingChecks", Json.Options);
        Assert.Null(Assert.Single(waiting!, m => m.MemberId == member.MemberId).FaceVideo);
        await Problems.AssertAsync(await Reviewer.GetAsync($"/api/membership/reviews/members/{member.MemberId}/files/face-video"), HttpStatusCode.NotFound, ReasonCodes.NotFound);
        await Problems.AssertAsync(await Reviewer.GetAsync($"/api/membership/reviews/members/{Guid.NewGuid()}/files/face-video"), HttpStatusCode.NotFound, ReasonCodes.NotFound);
    }

    private static async Task PassRealNameAsync(MemberSession member, string name) =>
        (await member.Client.PostAsJsonAsync("/api/membership/activation/real-name", new RealNameRequest(name, member.IdNumber))).EnsureSuccessStatusCode();
}
