namespace Changxing.Web.Tests;

public sealed class BeneficiarySpecs(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : BrowserTest(system, chromium, output)
{
    [Fact]
    public Task Should_add_a_beneficiary_whose_id_images_and_face_video_the_reviewer_sees_on_the_page_and_approves() => Scenario(async () =>
    {
        var blank = await NewPersonAsync(Desktop);
        var front = await RealMedia.PngAsync(blank, "front", "#b71c1c");
        var back = await RealMedia.PngAsync(blank, "back", "#1565c0");
        var video = await RealMedia.WebmAsync(blank);

        var member = await BrowserMember.SignUpAsync(await NewPersonAsync(Phone));
        var beneficiaryId = await AddBeneficiaryAsync(member, front, back, video);

        var reviewer = await StaffAsync("reviewer");
        await reviewer.GotoAsync("/staff/reviews");
        var submission = reviewer.Locator($"article[data-beneficiary='{beneficiaryId}']");

        // Shown on the page, not downloaded: the images decode and the video's metadata loads.
        await reviewer.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await submission.GetByTestId("id-front").ElementHandleAsync());
        await reviewer.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await submission.GetByTestId("id-back").ElementHandleAsync());

        Assert.Equal(320, await submission.GetByTestId("id-front").EvaluateAsync<int>("img => img.naturalWidth"));
        await reviewer.WaitForFunctionAsync("video => video.readyState >= 1 && video.videoWidth > 0", await submission.GetByTestId("face-video").ElementHandleAsync());
        await ScreenshotAsync(reviewer, "reviewer-beneficiary-files");

        var file = await reviewer.Context.APIRequest.GetAsync(await submission.GetByTestId("id-front").GetAttributeAsync("src") ?? "");
        Assert.Equal(200, file.Status);
        Assert.Equal("image/png", file.Headers["content-type"]);
        Assert.Equal("nosniff", file.Headers["x-content-type-options"]);
        Assert.StartsWith("inline", file.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal(front.Buffer, await file.BodyAsync());
        var faceVideo = await reviewer.Context.APIRequest.GetAsync(await submission.GetByTestId("face-video").GetAttributeAsync("src") ?? "");
        Assert.Equal("video/webm", faceVideo.Headers["content-type"]);

        await submission.GetByRole(AriaRole.Button, new() { Name = "通过 Approve" }).ClickAsync();
        await Expect(submission).ToHaveCountAsync(0);
        await member.Page.ReloadAsync();
        await Expect(member.Page.Locator($"li[data-beneficiary='{beneficiaryId}']")).ToContainTextAsync("已审核");
    });

    [Fact]
    public Task Should_not_let_a_member_fetch_another_members_beneficiary_files() => Scenario(async () =>
    {
        var blank = await NewPersonAsync(Desktop);
        var front = await RealMedia.PngAsync(blank, "front", "#b71c1c");
        var owner = await BrowserMember.SignUpAsync(await NewPersonAsync(Phone));
        var beneficiaryId = await AddBeneficiaryAsync(owner, front, front, BrowserMember.FaceVideo());

        var stranger = await BrowserMember.SignUpAsync(await NewPersonAsync(Phone));
        await ReviewerFileRefusal.AssertRefusedAsync(
            stranger, System, $"/staff/reviews/beneficiaries/{beneficiaryId}/files/id-front", $"/api/membership/reviews/beneficiaries/{beneficiaryId}/files/id-front", "image");
    });

    private static async Task<string> AddBeneficiaryAsync(BrowserMember member, FilePayload front, FilePayload back, FilePayload video)
    {
        var idNumber = Changxing.SystemHarness.Scenarios.ResidentIdNumbers.New(new DateOnly(1998, 5, 20));
        await member.Page.GotoAsync("/beneficiaries");
        await member.Page.GetByLabel("姓名").FillAsync("受让人乙");
        await member.Page.GetByLabel("身份证号").FillAsync(idNumber);
        await member.Page.GetByLabel("身份证正面").SetInputFilesAsync(front);
        await member.Page.GetByLabel("身份证背面").SetInputFilesAsync(back);
        await member.Page.GetByLabel("人脸视频").SetInputFilesAsync(video);
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "提交审核 Submit for review" }).ClickAsync();
        var row = member.Page.Locator("li[data-beneficiary]", new() { HasText = "受让人乙" });
        await Expect(row).ToContainTextAsync("待审核");
        return await row.GetAttributeAsync("data-beneficiary") ?? throw new InvalidOperationException("The beneficiary row has no id.");
    }
}
