namespace Changxing.Web.Tests;

public sealed class SignUpSpecs(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : BrowserTest(system, chromium, output)
{
    [Fact]
    public Task Should_say_next_to_the_form_why_an_id_number_was_refused() => Scenario(async () =>
    {
        var page = await NewPersonAsync(Phone);
        await page.GotoAsync("/signup");
        await page.GetByLabel("姓名").FillAsync("张三");
        await page.GetByLabel("身份证号").FillAsync("110101195001010018");
        await page.GetByLabel("手机号").FillAsync("13" + Random.Shared.NextInt64(100_000_000, 999_999_999));
        await page.GetByLabel("登录密码").FillAsync("Login-Pass-2026");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "注册 Sign up" }).ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(200, response.Status);
        await Expect(page.Locator("p.problem[data-reason='InvalidResidentIdNumber']")).ToContainTextAsync("身份证号码无效");
        await Expect(page.GetByLabel("姓名")).ToHaveValueAsync("张三");
        await ScreenshotAsync(page, "sign-up-refused");
    });
}
