using Changxing.TestSupport;

namespace Changxing.Web.Tests;

public sealed class SessionSpecs(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : BrowserTest(system, chromium, output)
{
    /// <summary>Long enough to sign up and open a page on a busy machine; short enough to wait out in a test.</summary>
    private static readonly TimeSpan ShortTokenLifetime = TimeSpan.FromSeconds(15);

    [Fact]
    public Task Should_send_the_member_back_to_sign_in_with_a_message_when_the_session_expires_and_return_after_signing_in() => Scenario(async () =>
    {
        // Membership issues tokens that live 15 s instead of 2 hours; the web session ends with its token.
        System["Membership"].SetEnvironment("Auth__TokenLifetime", ShortTokenLifetime.ToString("c", global::System.Globalization.CultureInfo.InvariantCulture));
        await System.RestartAsync("Membership");
        try
        {
            var member = await BrowserMember.SignUpAsync(await NewPersonAsync(Phone));
            await member.Page.GotoAsync("/beneficiaries");
            await Expect(member.Page.GetByRole(AriaRole.Button, new() { Name = "退出 Sign out" })).ToBeVisibleAsync();

            // The member comes back to the page after the token ran out (polled: no fixed sleep).
            await Eventually.Until(async () =>
            {
                await member.Page.ReloadAsync();
                return member.Page.Url.Contains("/signin", StringComparison.Ordinal);
            }, ShortTokenLifetime * 3, "the session ends with its 15-second token");

            Assert.Matches(new Regex(@"/signin\?expired=true&returnUrl=%2Fbeneficiaries$"), member.Page.Url);
            await Expect(member.Page.GetByTestId("session-expired")).ToHaveTextAsync("会话已过期，请重新登录。Your session has expired; please sign in again.");
            Assert.DoesNotContain(await member.Page.Context.CookiesAsync(), c => c.Name.StartsWith("changxing.session", StringComparison.Ordinal));
            await ScreenshotAsync(member.Page, "session-expired");

            await member.Page.GetByLabel("手机号").FillAsync(member.Phone);
            await member.Page.GetByLabel("密码").FillAsync(Changxing.SystemHarness.Scenarios.Journeys.LoginPassword);
            await member.Page.GetByRole(AriaRole.Button, new() { Name = "登录 Sign in" }).ClickAsync();
            await Expect(member.Page).ToHaveURLAsync(new Regex("/beneficiaries$"));
        }
        finally
        {
            System["Membership"].SetEnvironment("Auth__TokenLifetime", null);
            await System.RestartAsync("Membership");
        }
    });
}
