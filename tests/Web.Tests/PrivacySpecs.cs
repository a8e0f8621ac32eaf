namespace Changxing.Web.Tests;

/// <summary>A page never shows another member's data, and the session's token never reaches the browser's JavaScript.</summary>
public sealed class PrivacySpecs(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : BrowserTest(system, chromium, output)
{
    [Fact]
    public Task Should_not_let_a_member_open_another_members_redemption_by_its_address() => Scenario(async () =>
    {
        var (owner, redemptionId) = await MemberWithFailedRedemptionAsync();
        var other = await BrowserMember.SignUpAsync(await NewPersonAsync(Phone));

        await other.Page.GotoAsync($"/redemptions/{redemptionId}");

        await Expect(other.Page.GetByTestId("not-found")).ToBeVisibleAsync();
        var html = await other.Page.ContentAsync();
        Assert.DoesNotContain(owner.Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain("55,300", html, StringComparison.Ordinal);
        await other.Page.GotoAsync("/staff/redemptions");
        await Expect(other.Page.GetByRole(AriaRole.Heading, new() { Name = "无权访问 Not allowed" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Should_keep_the_token_in_an_http_only_same_site_cookie_and_end_the_session_on_sign_out() => Scenario(async () =>
    {
        var member = await BrowserMember.SignUpAsync(await NewPersonAsync(Phone));

        var session = (await member.Page.Context.CookiesAsync()).Single(c => c.Name == "changxing.session");
        Assert.True(session.HttpOnly, "the session cookie is HttpOnly");
        Assert.Equal(SameSiteAttribute.Strict, session.SameSite);
        Assert.DoesNotContain("changxing.session", await member.Page.EvaluateAsync<string>("() => document.cookie"), StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex(@"eyJ[\w-]+\.eyJ"), await member.Page.ContentAsync());

        await member.Page.GetByRole(AriaRole.Button, new() { Name = "退出 Sign out" }).ClickAsync();
        await member.Page.GotoAsync("/points");

        await Expect(member.Page).ToHaveURLAsync(new Regex("/signin"));
        await Expect(member.Page.GetByTestId("session-expired")).ToHaveCountAsync(0); // signed out, not expired
    });
}
