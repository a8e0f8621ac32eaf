using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Accounts;
using Changxing.Membership.Activation;
using Changxing.Membership.Staff;
using Changxing.Membership.Tests.Support;
using Changxing.ServiceDefaults.Auth;
using Changxing.TestSupport;

namespace Changxing.Membership.Tests.Api;

[Trait("Category", TestCategories.Database)]
public sealed class StaffAndActivationApiSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    [Fact]
    public async Task Should_sign_in_as_the_development_reviewer_seeded_from_configuration()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/membership/staff/sign-in", new StaffSignInRequest("reviewer", "dev-only-Reviewer-2026"));
        var token = (await response.Content.ReadFromJsonAsync<SignInResponse>(Json.Options))!;
        Assert.Contains(Roles.Reviewer, token.Roles);

        var wrong = await factory.CreateClient().PostAsJsonAsync("/api/membership/staff/sign-in", new StaffSignInRequest("reviewer", "Wrong-Pass-1"));
        await Problems.AssertAsync(wrong, HttpStatusCode.Unauthorized, MembershipReasonCodes.InvalidCredentials);
    }

    [Fact]
    public async Task Should_let_an_operator_create_a_support_account_that_can_sign_in()
    {
        var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator);
        var created = await operatorClient.PostAsJsonAsync("/api/membership/staff", new CreateStaffRequest("agent-li", "Agent-Pass-2026", Roles.Support));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var signIn = await factory.CreateClient().PostAsJsonAsync("/api/membership/staff/sign-in", new StaffSignInRequest("agent-li", "Agent-Pass-2026"));
        Assert.Contains(Roles.Support, (await signIn.Content.ReadFromJsonAsync<SignInResponse>(Json.Options))!.Roles);

        var again = await operatorClient.PostAsJsonAsync("/api/membership/staff", new CreateStaffRequest("agent-li", "Agent-Pass-2026", Roles.Support));
        await Problems.AssertAsync(again, HttpStatusCode.Conflict, ReasonCodes.Conflict);
        var otherCase = await operatorClient.PostAsJsonAsync("/api/membership/staff", new CreateStaffRequest(" Agent-LI ", "Agent-Pass-2026", Roles.Operator));
        await Problems.AssertAsync(otherCase, HttpStatusCode.Conflict, ReasonCodes.Conflict); // issue #17, 6: one account whatever the case
        var signInOtherCase = await factory.CreateClient().PostAsJsonAsync("/api/membership/staff/sign-in", new StaffSignInRequest("AGENT-LI", "Agent-Pass-2026"));
        Assert.Equal(HttpStatusCode.OK, signInOtherCase.StatusCode);
        var badRole = await operatorClient.PostAsJsonAsync("/api/membership/staff", new CreateStaffRequest("agent-wu", "Agent-Pass-2026", "admin"));
        await Problems.AssertAsync(badRole, HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
    }

    [Fact]
    public async Task Should_list_the_staff_accounts_to_an_operator_by_user_name_without_their_passwords()
    {
        var operatorClient = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Operator);
        (await operatorClient.PostAsJsonAsync("/api/membership/staff", new CreateStaffRequest("agent-zhao", "Agent-Pass-2026", Roles.Reviewer))).EnsureSuccessStatusCode();

        var response = await operatorClient.GetAsync("/api/membership/staff");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var staff = System.Text.Json.JsonSerializer.Deserialize<List<StaffView>>(body, Json.Options)!;
        Assert.Equal(staff.Select(s => s.UserName).Order(StringComparer.Ordinal), staff.Select(s => s.UserName));
        Assert.Contains(staff, s => s is { UserName: "agent-zhao", Role: Roles.Reviewer });
        Assert.Contains(staff, s => s is { UserName: "operator", Role: Roles.Operator }); // seeded from appsettings.Development.json
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Agent-Pass-2026", body);
    }

    [Fact]
    public async Task Should_refuse_staff_creation_to_anyone_but_an_operator()
    {
        var reviewer = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Reviewer);
        var response = await reviewer.PostAsJsonAsync("/api/membership/staff", new CreateStaffRequest("x-user", "Agent-Pass-2026", Roles.Support));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_activate_after_real_name_face_and_review_and_publish_member_activated_with_the_birth_date_once()
    {
        var id = TestPeople.IdNumber(new DateOnly(1958, 8, 8));
        var member = await MemberSession.RegisterAsync(factory, "孙八", id);

        var realName = await member.Client.PostAsJsonAsync("/api/membership/activation/real-name", new RealNameRequest("孙八", id));
        Assert.Equal(HttpStatusCode.OK, realName.StatusCode);
        var face = await member.Client.PostAsync("/api/membership/activation/face", Samples.Face());
        var afterFace = (await face.Content.ReadFromJsonAsync<ActivationView>(Json.Options))!;
        Assert.Equal(ReviewStatus.Pending, afterFace.Review);
        Assert.False(afterFace.Active);

        var reviewer = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Reviewer);
        var queue = await reviewer.GetFromJsonAsync<List<MemberReviewItem>>("/api/membership/reviews/members", Json.Options);
        Assert.Contains(queue!, m => m.MemberId == member.MemberId);

        var approved = await reviewer.PostAsync($"/api/membership/reviews/members/{member.MemberId}/approve", null);
        Assert.True((await approved.Content.ReadFromJsonAsync<ActivationView>(Json.Options))!.Active);
        var twice = await reviewer.PostAsync($"/api/membership/reviews/members/{member.MemberId}/approve", null);
        await Problems.AssertAsync(twice, HttpStatusCode.Conflict, MembershipReasonCodes.NotPending);

        Assert.True(await factory.Harness.Published.Any<MemberActivated>(m => m.Context.Message.MemberId == member.MemberId));
        var published = factory.Harness.Published.Select<MemberActivated>(m => m.Context.Message.MemberId == member.MemberId).ToList();
        Assert.Single(published);
        Assert.Equal(new DateOnly(1958, 8, 8), published[0].Context.Message.BirthDate);

        var profile = await member.Client.GetFromJsonAsync<MemberProfile>("/api/membership/me", Json.Options);
        Assert.True(profile!.Activation.Active);
    }

    [Fact]
    public async Task Should_fail_real_name_verification_when_name_and_number_differ_and_keep_the_reason()
    {
        var member = await MemberSession.RegisterAsync(factory, "周九");
        var response = await member.Client.PostAsJsonAsync("/api/membership/activation/real-name", new RealNameRequest("吴十", member.IdNumber));
        await Problems.AssertAsync(response, HttpStatusCode.UnprocessableEntity, MembershipReasonCodes.RealNameMismatch);

        var status = await member.Client.GetFromJsonAsync<ActivationView>("/api/membership/activation", Json.Options);
        Assert.Equal(CheckStatus.Failed, status!.RealName);
        Assert.NotNull(status.RealNameReason);
    }

    [Fact]
    public async Task Should_refuse_face_verification_before_real_name_and_for_a_sample_without_a_face_or_of_the_wrong_type()
    {
        var member = await MemberSession.RegisterAsync(factory, "郑一");
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/activation/face", Samples.Face()),
            HttpStatusCode.Conflict, MembershipReasonCodes.RealNameNotVerified);

        (await member.Client.PostAsJsonAsync("/api/membership/activation/real-name", new RealNameRequest("郑一", member.IdNumber))).EnsureSuccessStatusCode();
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/activation/face", Samples.Face(Samples.FaceVideo(length: 100))),
            HttpStatusCode.UnprocessableEntity, MembershipReasonCodes.FaceNotMatched);
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/activation/face", Samples.Face(videoType: "application/x-msdownload")),
            HttpStatusCode.BadRequest, MembershipReasonCodes.UploadRejected);

        var status = await member.Client.GetFromJsonAsync<ActivationView>("/api/membership/activation", Json.Options);
        Assert.Equal(CheckStatus.Failed, status!.Face);
        Assert.Equal(ReviewStatus.AwaitingChecks, status.Review);
    }

    [Fact]
    public async Task Should_show_the_member_the_reviewers_rejection_reason()
    {
        var member = await MemberSession.RegisterAsync(factory, "王二");
        (await member.Client.PostAsJsonAsync("/api/membership/activation/real-name", new RealNameRequest("王二", member.IdNumber))).EnsureSuccessStatusCode();
        (await member.Client.PostAsync("/api/membership/activation/face", Samples.Face())).EnsureSuccessStatusCode();

        var reviewer = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Reviewer);
        await Problems.AssertAsync(await reviewer.PostAsJsonAsync($"/api/membership/reviews/members/{member.MemberId}/reject", new RejectRequest("")),
            HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
        (await reviewer.PostAsJsonAsync($"/api/membership/reviews/members/{member.MemberId}/reject", new RejectRequest("人脸视频与证件照不符"))).EnsureSuccessStatusCode();

        var status = await member.Client.GetFromJsonAsync<ActivationView>("/api/membership/activation", Json.Options);
        Assert.Equal(ReviewStatus.Rejected, status!.Review);
        Assert.Equal("人脸视频与证件照不符", status.ReviewReason);
        Assert.False(status.Active);
    }

    [Fact]
    public async Task Should_keep_review_endpoints_from_members_and_answer_404_for_an_unknown_member()
    {
        var member = await MemberSession.RegisterAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync("/api/membership/reviews/members")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsync($"/api/membership/reviews/members/{member.MemberId}/approve", null)).StatusCode);

        var reviewer = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Reviewer);
        await Problems.AssertAsync(await reviewer.PostAsync($"/api/membership/reviews/members/{Guid.NewGuid()}/approve", null), HttpStatusCode.NotFound, ReasonCodes.NotFound);
    }

    [Fact]
    public async Task Should_answer_409_to_real_name_and_face_checks_of_a_member_already_active()
    {
        var member = await MemberSession.RegisterActiveAsync(factory, "钱七");

        await Problems.AssertAsync(await member.Client.PostAsJsonAsync("/api/membership/activation/real-name", new RealNameRequest("钱七", member.IdNumber)),
            HttpStatusCode.Conflict, ReasonCodes.Conflict);
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/activation/face", Samples.Face()),
            HttpStatusCode.Conflict, ReasonCodes.Conflict);
        Assert.True((await member.Client.GetFromJsonAsync<ActivationView>("/api/membership/activation", Json.Options))!.Active);
    }

    [Fact]
    public async Task Should_answer_404_to_rejecting_an_unknown_member_and_409_to_rejecting_one_not_waiting_for_review()
    {
        var reviewer = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Reviewer);
        await Problems.AssertAsync(await reviewer.PostAsJsonAsync($"/api/membership/reviews/members/{Guid.NewGuid()}/reject", new RejectRequest("证件照模糊")),
            HttpStatusCode.NotFound, ReasonCodes.NotFound);

        var awaitingChecks = await MemberSession.RegisterAsync(factory, "冯二");
        await Problems.AssertAsync(await reviewer.PostAsJsonAsync($"/api/membership/reviews/members/{awaitingChecks.MemberId}/reject", new RejectRequest("证件照模糊")),
            HttpStatusCode.Conflict, MembershipReasonCodes.NotPending);

        var active = await MemberSession.RegisterActiveAsync(factory, "陈三");
        await Problems.AssertAsync(await reviewer.PostAsJsonAsync($"/api/membership/reviews/members/{active.MemberId}/reject", new RejectRequest("证件照模糊")),
            HttpStatusCode.Conflict, MembershipReasonCodes.NotPending);
        var status = await active.Client.GetFromJsonAsync<ActivationView>("/api/membership/activation", Json.Options);
        Assert.True(status!.Active);
        Assert.Equal(ReviewStatus.Approved, status.Review);
        Assert.Null(status.ReviewReason);
    }
}
