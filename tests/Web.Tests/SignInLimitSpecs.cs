namespace Changxing.Web.Tests;

public sealed class SignInLimitSpecs(SystemUnderTest system, Chromium chromium, ITestOutputHelper output) : BrowserTest(system, chromium, output)
{
    private const int Limit = 3;
    private const string WrongPassword = "p.problem[data-reason='InvalidCredentials']";
    private const string RateLimited = "p.problem[data-reason='RateLimited']";

    [Fact]
    public Task Should_count_sign_ins_per_browser_address_so_one_browser_at_its_limit_does_not_lock_out_another() => Scenario(async () =>
    {
        // The web app signs everyone in from its own address; the gateway's per-address limit must still see each
        // browser. Two browsers with different addresses: on one machine, the address a load balancer in front of the
        // gateway would write (the harness trusts the loopback, which is the web app's address here).
        System.Gateway.SetEnvironment("Gateway__RateLimits__SignIn__PermitLimit", Limit.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
        await System.RestartAsync("Gateway");
        try
        {
            var first = await NewPersonAsync(Phone, [new("X-Forwarded-For", "203.0.113.41")]);
            var second = await NewPersonAsync(Phone, [new("X-Forwarded-For", "198.51.100.42")]);

            for (var attempt = 1; attempt <= Limit; attempt++)
            {
                await SignInWithWrongPasswordAsync(first);
                await Expect(first.Locator(WrongPassword)).ToBeVisibleAsync();
            }

            await SignInWithWrongPasswordAsync(first);
            await Expect(first.Locator(RateLimited)).ToBeVisibleAsync();

            await SignInWithWrongPasswordAsync(second);
            await Expect(second.Locator(WrongPassword)).ToBeVisibleAsync();
            await Expect(second.Locator(RateLimited)).ToHaveCountAsync(0);
        }
        finally
        {
            System.Gateway.SetEnvironment("Gateway__RateLimits__SignIn__PermitLimit", "100000");
            await System.RestartAsync("Gateway");
        }
    });

    private static async Task SignInWithWrongPasswordAsync(IPage page)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("手机号").FillAsync("13" + Random.Shared.NextInt64(100_000_000, 999_999_999));
        await page.GetByLabel("密码").FillAsync("not-the-password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录 Sign in" }).ClickAsync();
    }
}
