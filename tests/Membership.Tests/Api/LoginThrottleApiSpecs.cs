using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Accounts;
using Changxing.Membership.ConsumptionPassword;
using Changxing.Membership.Staff;
using Changxing.Membership.Tests.Support;
using Changxing.TestSupport;

namespace Changxing.Membership.Tests.Api;

/// <summary>Issue #17, 3: every login-password check is throttled per account in Membership (docs/SECURITY.md).</summary>
[Trait("Category", TestCategories.Database)]
public sealed class LoginThrottleApiSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    [Fact]
    public async Task Should_refuse_even_the_right_password_after_twelve_wrong_sign_ins_and_accept_it_a_minute_later()
    {
        var member = await MemberSession.RegisterAsync(factory);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await SignInAsync(member.Phone, "Wrong-Pass-" + i)).StatusCode);
        }

        var locked = await SignInAsync(member.Phone, member.Password);
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, LoginThrottle.FreeFailures), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 12 - LoginThrottle.FreeFailures)], statuses);
        await Problems.AssertAsync(locked, HttpStatusCode.TooManyRequests, ReasonCodes.RateLimited);
        Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);

        factory.Clock.Advance(LoginThrottle.FirstLock);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(member.Phone, member.Password)).StatusCode);
    }

    [Fact]
    public async Task Should_answer_a_phone_nobody_registered_exactly_as_a_member_s_phone()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var nobody = TestPeople.Phone();

        var known = new List<HttpStatusCode>();
        var unknown = new List<HttpStatusCode>();
        for (var i = 0; i < LoginThrottle.FreeFailures + 2; i++)
        {
            known.Add((await SignInAsync(member.Phone, "Wrong-Pass-1")).StatusCode);
            unknown.Add((await SignInAsync(nobody, "Wrong-Pass-1")).StatusCode);
        }

        Assert.Equal(known, unknown);
        Assert.Contains(HttpStatusCode.TooManyRequests, unknown);
        factory.Clock.Advance(LoginThrottle.FirstLock);
    }

    [Fact]
    public async Task Should_throttle_the_login_password_that_changes_the_consumption_password_and_sign_in_with_it()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await member.SetConsumptionPasswordAsync();

        for (var i = 0; i < 15; i++)
        {
            await member.Client.PutAsJsonAsync("/api/membership/consumption-password", new ChangeConsumptionPasswordRequest("Wrong-Pass-" + i, "741852"));
        }

        await Problems.AssertAsync(await member.Client.PutAsJsonAsync("/api/membership/consumption-password", new ChangeConsumptionPasswordRequest(member.Password, "741852")),
            HttpStatusCode.TooManyRequests, ReasonCodes.RateLimited);
        await Problems.AssertAsync(await SignInAsync(member.Phone, member.Password), HttpStatusCode.TooManyRequests, ReasonCodes.RateLimited);

        factory.Clock.Advance(LoginThrottle.FirstLock);
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.PutAsJsonAsync("/api/membership/consumption-password", new ChangeConsumptionPasswordRequest(member.Password, "741852"))).StatusCode);
    }

    [Fact]
    public async Task Should_throttle_staff_sign_in_whatever_the_case_of_the_user_name_and_never_for_more_than_five_minutes()
    {
        for (var i = 0; i < 20; i++)
        {
            await factory.CreateClient().PostAsJsonAsync("/api/membership/staff/sign-in", new StaffSignInRequest(i % 2 == 0 ? "support" : "SUPPORT", "Wrong-Pass-" + i));
            factory.Clock.Advance(TimeSpan.FromMinutes(1)); // a patient guesser: one try a minute
        }

        var locked = await factory.CreateClient().PostAsJsonAsync("/api/membership/staff/sign-in", new StaffSignInRequest("support", "dev-only-Support-2026"));
        await Problems.AssertAsync(locked, HttpStatusCode.TooManyRequests, ReasonCodes.RateLimited);

        factory.Clock.Advance(LoginThrottle.LongestLock);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().PostAsJsonAsync("/api/membership/staff/sign-in", new StaffSignInRequest("support", "dev-only-Support-2026"))).StatusCode);
    }

    [Fact]
    public async Task Should_count_the_wrong_sign_ins_made_on_two_instances_over_one_database_together()
    {
        var member = await MemberSession.RegisterAsync(factory);
        await using var secondInstance = factory.WithWebHostBuilder(_ => { }); // a second host: its own services, the same database and clock
        HttpClient Instance(int i) => i % 2 == 0 ? factory.CreateClient() : secondInstance.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < LoginThrottle.FreeFailures; i++)
        {
            statuses.Add((await Instance(i).PostAsJsonAsync("/api/membership/accounts/sign-in", new SignInRequest(member.Phone, "Wrong-Pass-" + i))).StatusCode);
        }

        var onFirst = await Instance(0).PostAsJsonAsync("/api/membership/accounts/sign-in", new SignInRequest(member.Phone, member.Password));
        var onSecond = await Instance(1).PostAsJsonAsync("/api/membership/accounts/sign-in", new SignInRequest(member.Phone, member.Password));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, LoginThrottle.FreeFailures), statuses);
        await Problems.AssertAsync(onFirst, HttpStatusCode.TooManyRequests, ReasonCodes.RateLimited);
        await Problems.AssertAsync(onSecond, HttpStatusCode.TooManyRequests, ReasonCodes.RateLimited);
        factory.Clock.Advance(LoginThrottle.FirstLock);
        Assert.Equal(HttpStatusCode.OK, (await Instance(1).PostAsJsonAsync("/api/membership/accounts/sign-in", new SignInRequest(member.Phone, member.Password))).StatusCode);
    }

    [Fact]
    public async Task Should_count_every_one_of_a_burst_of_parallel_wrong_sign_ins()
    {
        var member = await MemberSession.RegisterAsync(factory);

        var burst = await Task.WhenAll(Enumerable.Range(0, 2 * LoginThrottle.FreeFailures).Select(i => SignInAsync(member.Phone, "Wrong-Pass-" + i)));

        Assert.Equal(LoginThrottle.FreeFailures, burst.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(LoginThrottle.FreeFailures, burst.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        factory.Clock.Advance(LoginThrottle.LongestLock);
    }

    private Task<HttpResponseMessage> SignInAsync(string phone, string password) =>
        factory.CreateClient().PostAsJsonAsync("/api/membership/accounts/sign-in", new SignInRequest(phone, password));
}
