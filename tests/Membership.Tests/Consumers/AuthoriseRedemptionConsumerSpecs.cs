using System.Net;
using System.Net.Http.Json;
using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Beneficiaries;
using Changxing.Membership.PaymentAuthorisations;
using Changxing.Membership.Tests.Support;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Time;
using Changxing.TestSupport;
using MassTransit;
using MassTransit.Testing;

namespace Changxing.Membership.Tests.Consumers;

/// <summary>Saga step 1 in MassTransit's test harness, on the service's real database; codes come from the real endpoint.</summary>
[Trait("Category", TestCategories.Database)]
public sealed class AuthoriseRedemptionConsumerSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    [Fact]
    public async Task Should_authorise_the_member_as_passenger_and_answer_a_redelivery_the_same_without_failing_on_the_used_code()
    {
        var member = await MemberSession.RegisterActiveAsync(factory, "张三");
        var code = await CodeAsync(member);
        var client = factory.Harness.GetRequestClient<AuthoriseRedemption>();
        var request = new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, null, code);

        var first = await client.GetResponse<RedemptionAuthorised, RedemptionAuthorisationRejected>(request);
        Assert.True(first.Is(out Response<RedemptionAuthorised>? authorised));
        Assert.Equal("张三", authorised!.Message.PassengerName);
        Assert.Equal(member.IdNumber[..4] + "**********" + member.IdNumber[^4..], authorised.Message.PassengerIdMasked);
        Assert.DoesNotContain(member.IdNumber, authorised.Message.PassengerKey);
        Assert.Equal(64, authorised.Message.PassengerKey.Length);

        var again = await client.GetResponse<RedemptionAuthorised, RedemptionAuthorisationRejected>(request);
        Assert.True(again.Is(out Response<RedemptionAuthorised>? repeated));
        Assert.Equal(authorised.Message, repeated!.Message);

        var other = await client.GetResponse<RedemptionAuthorised, RedemptionAuthorisationRejected>(request with { RedemptionId = Guid.NewGuid() });
        Assert.True(other.Is(out Response<RedemptionAuthorisationRejected>? used));
        Assert.Equal(ReasonCodes.AuthorisationUsed, used!.Message.Reason);
    }

    [Fact]
    public async Task Should_let_exactly_one_of_eight_redemptions_racing_with_one_code_spend_it()
    {
        var member = await MemberSession.RegisterActiveAsync(factory);
        var code = await CodeAsync(member);
        var client = factory.Harness.GetRequestClient<AuthoriseRedemption>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.GetResponse<RedemptionAuthorised, RedemptionAuthorisationRejected>(new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, null, code))));

        Assert.Single(answers, a => a.Is(out Response<RedemptionAuthorised>? _));
        Assert.All(answers.Where(a => !a.Is(out Response<RedemptionAuthorised>? _)), a =>
        {
            Assert.True(a.Is(out Response<RedemptionAuthorisationRejected>? rejected));
            Assert.Equal(ReasonCodes.AuthorisationUsed, rejected!.Message.Reason);
        });
    }

    [Fact]
    public async Task Should_publish_the_outcome_when_the_request_has_no_response_address()
    {
        var member = await MemberSession.RegisterActiveAsync(factory);
        var redemptionId = Guid.NewGuid();
        await factory.Harness.Bus.Publish(new AuthoriseRedemption(redemptionId, member.MemberId, null, await CodeAsync(member)));
        await Harnessed.PublishedAsync<RedemptionAuthorised>(factory.Harness, m => m.RedemptionId == redemptionId);

    }

    [Fact]
    public async Task Should_reject_an_unknown_code_an_expired_code_and_an_inactive_member()
    {
        var member = await MemberSession.RegisterActiveAsync(factory);
        var client = factory.Harness.GetRequestClient<AuthoriseRedemption>();
        Assert.Equal(ReasonCodes.AuthorisationInvalid, await RejectedReasonAsync(client, new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, null, "made-up")));

        var code = await CodeAsync(member);
        Assert.Equal(ReasonCodes.AuthorisationInvalid, await RejectedReasonAsync(client, new AuthoriseRedemption(Guid.NewGuid(), Guid.NewGuid(), null, code)));

        factory.Clock.Advance(PaymentAuthorisation.Validity);
        Assert.Equal(ReasonCodes.AuthorisationExpired, await RejectedReasonAsync(client, new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, null, code)));

        var inactive = await MemberSession.RegisterAsync(factory);
        await inactive.SetConsumptionPasswordAsync();
        var inactiveCode = await CodeAsync(inactive);
        Assert.Equal(ReasonCodes.MemberNotActive, await RejectedReasonAsync(client, new AuthoriseRedemption(Guid.NewGuid(), inactive.MemberId, null, inactiveCode)));
    }

    [Fact]
    public async Task Should_allow_only_verified_and_effective_beneficiaries_and_tell_the_date_of_one_not_yet_effective()
    {
        var member = await MemberSession.RegisterActiveAsync(factory);
        var client = factory.Harness.GetRequestClient<AuthoriseRedemption>();
        var beneficiary = (await (await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", TestPeople.IdNumber())))
            .Content.ReadFromJsonAsync<BeneficiaryView>(Json.Options))!;

        Assert.Equal(ReasonCodes.BeneficiaryUnknown, await RejectedReasonAsync(client, new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, Guid.NewGuid(), await CodeAsync(member))));
        Assert.Equal(ReasonCodes.BeneficiaryNotVerified, await RejectedReasonAsync(client, new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, beneficiary.Id, await CodeAsync(member))));

        var reviewer = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Reviewer);
        (await reviewer.PostAsync($"/api/membership/reviews/beneficiaries/{beneficiary.Id}/approve", null)).EnsureSuccessStatusCode();
        var waiting = await client.GetResponse<RedemptionAuthorised, RedemptionAuthorisationRejected>(
            new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, beneficiary.Id, await CodeAsync(member)));
        Assert.True(waiting.Is(out Response<RedemptionAuthorisationRejected>? notYet));
        Assert.Equal(ReasonCodes.BeneficiaryNotYetEffective, notYet!.Message.Reason);
        Assert.Equal(beneficiary.EffectiveOn, notYet.Message.EffectiveOn);

        factory.Clock.SetUtcNow(new DateTimeOffset(beneficiary.EffectiveOn.ToDateTime(new TimeOnly(0, 5)), ChinaCalendar.Offset).ToUniversalTime());
        var fresh = member with { Client = factory.CreateClientFor(member.MemberId) };
        var effective = await client.GetResponse<RedemptionAuthorised, RedemptionAuthorisationRejected>(
            new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, beneficiary.Id, await CodeAsync(fresh)));
        Assert.True(effective.Is(out Response<RedemptionAuthorised>? ok));
        Assert.Equal("李四", ok!.Message.PassengerName);
    }

    [Fact]
    public async Task Should_accept_an_authorisation_until_just_before_five_minutes_and_expire_it_at_five()
    {
        var member = await MemberSession.RegisterActiveAsync(factory);
        var client = factory.Harness.GetRequestClient<AuthoriseRedemption>();
        var early = await CodeAsync(member);
        var late = await CodeAsync(member);

        factory.Clock.Advance(PaymentAuthorisation.Validity - TimeSpan.FromSeconds(1));
        var atFourFiftyNine = await client.GetResponse<RedemptionAuthorised, RedemptionAuthorisationRejected>(new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, null, early));
        Assert.True(atFourFiftyNine.Is(out Response<RedemptionAuthorised>? _), "accepted at 4:59");

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ReasonCodes.AuthorisationExpired, await RejectedReasonAsync(client, new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, null, late)));
    }

    [Fact]
    public async Task Should_not_let_a_rejected_a_removed_or_another_members_beneficiary_travel()
    {
        var member = await MemberSession.RegisterActiveAsync(factory, "王五");
        var other = await MemberSession.RegisterActiveAsync(factory, "赵六");
        var client = factory.Harness.GetRequestClient<AuthoriseRedemption>();
        var reviewer = factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Reviewer);
        var rejected = await AddBeneficiaryAsync(member, "李四");
        var removed = await AddBeneficiaryAsync(member, "周七");
        var othersOwn = await AddBeneficiaryAsync(other, "吴八");
        (await reviewer.PostAsJsonAsync($"/api/membership/reviews/beneficiaries/{rejected.Id}/reject", new { reason = "证件照片模糊" })).EnsureSuccessStatusCode();
        (await reviewer.PostAsync($"/api/membership/reviews/beneficiaries/{removed.Id}/approve", null)).EnsureSuccessStatusCode();
        (await reviewer.PostAsync($"/api/membership/reviews/beneficiaries/{othersOwn.Id}/approve", null)).EnsureSuccessStatusCode();

        Assert.Equal(ReasonCodes.BeneficiaryNotVerified, await RejectedReasonAsync(client, new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, rejected.Id, await CodeAsync(member))));

        // On the effective date both approved beneficiaries could travel; one is removed, the other is not this member's.
        factory.Clock.SetUtcNow(new DateTimeOffset(removed.EffectiveOn.ToDateTime(new TimeOnly(9, 0)), ChinaCalendar.Offset).ToUniversalTime());
        member = member with { Client = factory.CreateClientFor(member.MemberId) };
        other = other with { Client = factory.CreateClientFor(other.MemberId) };
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync($"/api/membership/beneficiaries/{removed.Id}")).StatusCode);

        Assert.Equal(ReasonCodes.BeneficiaryUnknown, await RejectedReasonAsync(client, new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, removed.Id, await CodeAsync(member))));
        Assert.Equal(ReasonCodes.BeneficiaryUnknown, await RejectedReasonAsync(client, new AuthoriseRedemption(Guid.NewGuid(), member.MemberId, othersOwn.Id, await CodeAsync(member))));
        var byOwner = await client.GetResponse<RedemptionAuthorised, RedemptionAuthorisationRejected>(
            new AuthoriseRedemption(Guid.NewGuid(), other.MemberId, othersOwn.Id, await CodeAsync(other)));
        Assert.True(byOwner.Is(out Response<RedemptionAuthorised>? _), "the owner's effective beneficiary travels");
    }

    private static async Task<BeneficiaryView> AddBeneficiaryAsync(MemberSession member, string name)
    {
        var added = await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary(name, TestPeople.IdNumber()));
        added.EnsureSuccessStatusCode();
        return (await added.Content.ReadFromJsonAsync<BeneficiaryView>(Json.Options))!;
    }

    private static async Task<string> RejectedReasonAsync(IRequestClient<AuthoriseRedemption> client, AuthoriseRedemption request)
    {
        var response = await client.GetResponse<RedemptionAuthorised, RedemptionAuthorisationRejected>(request);
        Assert.True(response.Is(out Response<RedemptionAuthorisationRejected>? rejected), "expected a rejection");
        return rejected!.Message.Reason;
    }

    private static async Task<string> CodeAsync(MemberSession member)
    {
        var status = await member.Client.GetFromJsonAsync<ConsumptionPassword.ConsumptionPasswordStatus>("/api/membership/consumption-password", Json.Options);
        if (!status!.IsSet)
        {
            await member.SetConsumptionPasswordAsync();
        }

        var response = await member.Client.PostAsJsonAsync("/api/membership/payment-authorisations", new PaymentAuthorisationRequest("258036"));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PaymentAuthorisationIssued>(Json.Options))!.AuthorisationCode;
    }
}
