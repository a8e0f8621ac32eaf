namespace Changxing.Web.Tests;

/// <summary>The reviewer's member queue shows the face video a member uploaded during activation, as the beneficiary queue does.</summary>
public sealed class MemberReviewSpecs(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : BrowserTest(system, chromium, output)
{
    [Fact]
    public Task Should_show_the_reviewer_the_face_video_a_new_member_uploaded_during_activation() => Scenario(async () =>
    {
        var video = await RealMedia.WebmAsync(await NewPersonAsync(Desktop));
        var member = await BrowserMember.SignUpAsync(await NewPersonAsync(Phone));
        var memberId = await member.SubmitActivationAsync(video);

        var reviewer = await StaffAsync("reviewer");
        await reviewer.GotoAsync("/staff/reviews");
        var faceVideo = reviewer.Locator($"article[data-member='{memberId}']").GetByTestId("member-face-video");

        // Shown on the page, not downloaded: the video's metadata loads and it has a picture.
        await reviewer.WaitForFunctionAsync("video => video.readyState >= 1 && video.videoWidth > 0", await faceVideo.ElementHandleAsync());
        Assert.Equal(320, await faceVideo.EvaluateAsync<int>("video => video.videoWidth"));
        await ScreenshotAsync(reviewer, "reviewer-queue");

        var file = await reviewer.Context.APIRequest.GetAsync(await faceVideo.GetAttributeAsync("src") ?? "");
        Assert.Equal(200, file.Status);
        Assert.Equal("video/webm", file.Headers["content-type"]);
        Assert.Equal("nosniff", file.Headers["x-content-type-options"]);
        Assert.StartsWith("inline", file.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal(video.Buffer, await file.BodyAsync());
    });

    [Fact]
    public Task Should_not_let_a_member_fetch_a_members_face_video_not_even_their_own() => Scenario(async () =>
    {
        var member = await BrowserMember.SignUpAsync(await NewPersonAsync(Phone));
        var memberId = await member.SubmitActivationAsync();

        await ReviewerFileRefusal.AssertRefusedAsync(
            member, System, $"/staff/reviews/members/{memberId}/files/face-video", $"/api/membership/reviews/members/{memberId}/files/face-video", "video");
    });
}
