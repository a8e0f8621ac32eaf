namespace Changxing.Web.Tests;

public sealed class BeneficiarySpecs(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : BrowserTest(system, chromium, output)
{
    [Fact]
    public Task Should_add_a_beneficiary_with_files_that_a_reviewer_opens_and_approves() => Scenario(async () =>
    {
        var member = await BrowserMember.SignUpAsync(await NewPersonAsync(Phone));
        var idNumber = Changxing.SystemHarness.Scenarios.ResidentIdNumbers.New(new DateOnly(1998, 5, 20));

        await member.Page.GotoAsync("/beneficiaries");
        await member.Page.GetByLabel("姓名").FillAsync("受让人乙");
        await member.Page.GetByLabel("身份证号").FillAsync(idNumber);
        await member.Page.GetByLabel("身份证正面").SetInputFilesAsync(BrowserMember.Jpeg("front.jpg"));
        await member.Page.GetByLabel("身份证背面").SetInputFilesAsync(BrowserMember.Jpeg("back.jpg"));
        await member.Page.GetByLabel("人脸视频").SetInputFilesAsync(BrowserMember.FaceVideo());
        await member.Page.GetByRole(AriaRole.Button, new() { Name = "提交审核 Submit for review" }).ClickAsync();
        var row = member.Page.Locator("li[data-beneficiary]", new() { HasText = "受让人乙" });
        await Expect(row).ToContainTextAsync("待审核");
        var beneficiaryId = await row.GetAttributeAsync("data-beneficiary");

        var reviewer = await StaffAsync("reviewer");
        await reviewer.GotoAsync("/staff/reviews");
        var submission = reviewer.Locator($"article[data-beneficiary='{beneficiaryId}']");
        var front = await reviewer.Context.APIRequest.GetAsync(await submission.GetByRole(AriaRole.Link, new() { Name = "身份证正面 ID front" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, front.Status);
        var image = await front.BodyAsync();
        Assert.Equal(2048, image.Length);
        Assert.Equal([0xFF, 0xD8, 0xFF], image[..3]);
        await submission.GetByRole(AriaRole.Button, new() { Name = "通过 Approve" }).ClickAsync();
        await Expect(submission).ToHaveCountAsync(0);

        await member.Page.ReloadAsync();
        await Expect(row).ToContainTextAsync("已审核");
    });
}
