using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Accounts;
using Changxing.Membership.Staff;
using Changxing.Membership.Tests.Support;
using Changxing.TestSupport;

namespace Changxing.Membership.Tests.Api;

[Trait("Category", TestCategories.Database)]
public sealed class AccountApiSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    [Fact]
    public async Task Should_register_a_member_with_birth_date_and_age_read_from_the_id_number()
    {
        var id = TestPeople.IdNumber(new DateOnly(1960, 3, 2));
        var response = await factory.CreateClient().PostAsJsonAsync("/api/membership/accounts", new RegisterRequest("王五", id, TestPeople.Phone(), "Secret-Pass-2026"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var profile = (await response.Content.ReadFromJsonAsync<MemberProfile>(Json.Options))!;
        Assert.Equal(new DateOnly(1960, 3, 2), profile.BirthDate);
        Assert.Equal(65, profile.Age); // the clock says 2026-03-01: the 66th birthday is tomorrow
        Assert.Equal(id[..4] + "**********" + id[^4..], profile.IdNumberMasked);
        Assert.False(profile.Activation.Active);
    }

    [Theory]
    [InlineData("张\\u0000三")]
    [InlineData("张\\u200B三")]
    [InlineData("张\\n三")]
    [InlineData("张\\u202E三")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("张三3")]
    public async Task Should_refuse_a_name_with_control_invisible_or_markup_characters(string escaped)
    {
        var name = System.Text.RegularExpressions.Regex.Unescape(escaped);

        var response = await factory.CreateClient().PostAsJsonAsync("/api/membership/accounts", new RegisterRequest(name, TestPeople.IdNumber(), TestPeople.Phone(), "Secret-Pass-2026"));

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
    }

    [Theory]
    [InlineData("阿依古丽·买买提")]
    [InlineData("Anna-Maria O'Neil")]
    public async Task Should_accept_names_with_the_separators_real_names_use(string name)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/membership/accounts", new RegisterRequest(name, TestPeople.IdNumber(), TestPeople.Phone(), "Secret-Pass-2026"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_an_id_number_with_a_birth_year_before_1900()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/membership/accounts", new RegisterRequest("王五", TestPeople.IdNumber(new DateOnly(1800, 1, 1)), TestPeople.Phone(), "Secret-Pass-2026"));

        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, MembershipReasonCodes.InvalidResidentIdNumber);
    }

    [Fact]
    public async Task Should_refuse_an_id_number_whose_check_digit_is_wrong()
    {
        var id = TestPeople.IdNumber();
        var wrong = id[..17] + (id[17] == '0' ? '1' : '0');
        var response = await factory.CreateClient().PostAsJsonAsync("/api/membership/accounts", new RegisterRequest("王五", wrong, TestPeople.Phone(), "Secret-Pass-2026"));
        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, MembershipReasonCodes.InvalidResidentIdNumber);
    }

    [Theory]
    [InlineData("", "13912345678", "Secret-Pass-2026")]
    [InlineData("王五", "12345", "Secret-Pass-2026")]
    [InlineData("王五", "13912345678", "short1")]
    [InlineData("王五", "13912345678", "onlyletters")]
    public async Task Should_refuse_a_bad_name_phone_or_weak_login_password(string name, string phone, string password)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/membership/accounts", new RegisterRequest(name, TestPeople.IdNumber(), phone, password));
        await Problems.AssertAsync(response, HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
    }

    [Fact]
    public async Task Should_refuse_a_second_account_for_the_same_phone_or_the_same_person()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var client = factory.CreateClient();

        var samePhone = await client.PostAsJsonAsync("/api/membership/accounts", new RegisterRequest("赵六", TestPeople.IdNumber(), member.Phone, "Secret-Pass-2026"));
        await Problems.AssertAsync(samePhone, HttpStatusCode.Conflict, ReasonCodes.Conflict);

        var samePerson = await client.PostAsJsonAsync("/api/membership/accounts", new RegisterRequest("赵六", member.IdNumber, TestPeople.Phone(), "Secret-Pass-2026"));
        await Problems.AssertAsync(samePerson, HttpStatusCode.Conflict, ReasonCodes.Conflict);
    }

    [Fact]
    public async Task Should_sign_in_and_read_the_own_profile_with_the_token()
    {
        var member = await MemberSession.RegisterAsync(factory, "钱七");
        var profile = await member.Client.GetFromJsonAsync<MemberProfile>("/api/membership/me", Json.Options);
        Assert.Equal(member.MemberId, profile!.MemberId);
        Assert.Equal("钱七", profile.Name);
        Assert.DoesNotContain(member.IdNumber, System.Text.Json.JsonSerializer.Serialize(profile));
    }

    [Fact]
    public async Task Should_answer_401_for_a_wrong_password_or_an_unknown_phone()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var client = factory.CreateClient();
        await Problems.AssertAsync(await client.PostAsJsonAsync("/api/membership/accounts/sign-in", new SignInRequest(member.Phone, "Wrong-Pass-1")),
            HttpStatusCode.Unauthorized, MembershipReasonCodes.InvalidCredentials);
        await Problems.AssertAsync(await client.PostAsJsonAsync("/api/membership/accounts/sign-in", new SignInRequest(TestPeople.Phone(), "Secret-Pass-2026")),
            HttpStatusCode.Unauthorized, MembershipReasonCodes.InvalidCredentials);
    }

    [Fact]
    public async Task Should_refuse_the_profile_without_a_token() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/membership/me")).StatusCode);

    [Fact]
    public async Task Should_answer_404_to_the_profile_of_a_token_without_a_member_account()
    {
        // A staff token carries the member role (README) but no member account stands behind it.
        var signIn = await factory.CreateClient().PostAsJsonAsync("/api/membership/staff/sign-in", new StaffSignInRequest("support", "dev-only-Support-2026"));
        var staff = factory.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new("Bearer", (await signIn.Content.ReadFromJsonAsync<SignInResponse>(Json.Options))!.AccessToken);

        await Problems.AssertAsync(await staff.GetAsync("/api/membership/me"), HttpStatusCode.NotFound, ReasonCodes.NotFound);
    }
}
