using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Beneficiaries;
using Changxing.Membership.Tests.Support;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Time;
using Changxing.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Changxing.Membership.Tests.Api;

[Trait("Category", TestCategories.Database)]
public sealed class BeneficiaryApiSpecs(MembershipApiFactory factory) : IClassFixture<MembershipApiFactory>
{
    private HttpClient Reviewer => factory.CreateClientFor(Guid.NewGuid(), Roles.Member, Roles.Reviewer);

    [Fact]
    public async Task Should_add_a_beneficiary_pending_review_effective_60_days_later_with_files_stored_by_content_hash()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var front = Samples.Jpeg(fill: 42);
        var response = await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", TestPeople.IdNumber(), front: front));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = (await response.Content.ReadFromJsonAsync<BeneficiaryView>(Json.Options))!;
        Assert.Equal(BeneficiaryStatus.PendingReview, view.Status);
        Assert.Equal(ChinaCalendar.Today(factory.Clock).AddDays(60), view.EffectiveOn);
        Assert.Contains("**********", view.IdNumberMasked);

        var hash = Convert.ToHexStringLower(SHA256.HashData(front));
        Assert.True(File.Exists(Path.Combine(factory.UploadDirectory, hash[..2], hash)));
    }

    [Fact]
    public async Task Should_refuse_uploads_of_the_wrong_type_size_or_content_and_bad_id_numbers()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var id = TestPeople.IdNumber();
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", id, imageType: "image/gif")),
            HttpStatusCode.BadRequest, MembershipReasonCodes.UploadRejected);
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/beneficiaries",
                Samples.Beneficiary("李四", id, back: Samples.Jpeg(length: (int)MembershipApiFactory.MaxImageBytes + 1))),
            HttpStatusCode.BadRequest, MembershipReasonCodes.UploadRejected);
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", id, front: "MZ not a jpeg"u8.ToArray())),
            HttpStatusCode.BadRequest, MembershipReasonCodes.UploadRejected);
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", id[..17] + (id[17] == '1' ? '2' : '1'))),
            HttpStatusCode.BadRequest, MembershipReasonCodes.InvalidResidentIdNumber);
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", id, video: Samples.FaceVideo(length: 100))),
            HttpStatusCode.UnprocessableEntity, MembershipReasonCodes.FaceNotMatched);
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("本人", member.IdNumber)),
            HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
    }

    [Fact]
    public async Task Should_refuse_a_face_video_over_the_limit_or_of_another_type_and_a_missing_file_naming_the_field()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var id = TestPeople.IdNumber();
        async Task AssertRefusedAsync(HttpContent form, string field)
        {
            var problem = await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/beneficiaries", form), HttpStatusCode.BadRequest, MembershipReasonCodes.UploadRejected);
            Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString());
        }

        await AssertRefusedAsync(Samples.Beneficiary("李四", id, video: Samples.FaceVideo(length: (int)MembershipApiFactory.MaxVideoBytes + 1)), "faceVideo");
        await AssertRefusedAsync(Samples.Beneficiary("李四", id, videoType: "video/x-msvideo"), "faceVideo");
        await AssertRefusedAsync(Samples.Beneficiary("李四", id, video: Samples.Jpeg()), "faceVideo"); // declared mp4, bytes of a jpeg
        await AssertRefusedAsync(Samples.Beneficiary("李四", id, without: "idBack"), "idBack");
        await AssertRefusedAsync(Samples.Beneficiary("李四", id, without: "faceVideo"), "faceVideo");
        Assert.Empty((await member.Client.GetFromJsonAsync<BeneficiaryList>("/api/membership/beneficiaries", Json.Options))!.Items);

        // A video of exactly the limit is accepted.
        var atLimit = await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", id, video: Samples.FaceVideo(length: (int)MembershipApiFactory.MaxVideoBytes)));
        Assert.Equal(HttpStatusCode.Created, atLimit.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_malformed_multipart_body_with_a_400_not_a_server_error()
    {
        // Found by the bad-input fuzzer (issue #9): a body cut off after its last boundary made ReadFormAsync throw, answering 500.
        var member = await MemberSession.RegisterAsync(factory);
        using var truncated = new StringContent("--fuzz\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n李四\r\n--fuzz");
        truncated.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=fuzz");

        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/beneficiaries", truncated),
            HttpStatusCode.BadRequest, MembershipReasonCodes.UploadRejected);

        // And one with no boundary at all (IOException inside the form reader).
        using var json = new StringContent("{}");
        json.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=fuzz");
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/beneficiaries", json),
            HttpStatusCode.BadRequest, MembershipReasonCodes.UploadRejected);
    }

    [Fact]
    public async Task Should_refuse_the_same_person_twice_and_a_ninth_beneficiary()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var first = TestPeople.IdNumber();
        (await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("受让人甲", first))).EnsureSuccessStatusCode();
        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("受让人甲", first)),
            HttpStatusCode.Conflict, MembershipReasonCodes.BeneficiaryAlreadyAdded);

        for (var i = 2; i <= BeneficiaryPolicy.MaxPerMember; i++)
        {
            (await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("受让人乙", TestPeople.IdNumber()))).EnsureSuccessStatusCode();
        }

        await Problems.AssertAsync(await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("受让人丙", TestPeople.IdNumber())),
            HttpStatusCode.Conflict, ReasonCodes.BeneficiaryLimitReached);
        var list = await member.Client.GetFromJsonAsync<BeneficiaryList>("/api/membership/beneficiaries", Json.Options);
        Assert.Equal(8, list!.SlotsUsed);
    }

    [Fact]
    public async Task Should_store_only_one_of_several_beneficiaries_added_at_once_by_a_member_holding_seven()
    {
        var member = await MemberSession.RegisterAsync(factory);
        for (var i = 1; i < BeneficiaryPolicy.MaxPerMember; i++)
        {
            (await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("受让人甲", TestPeople.IdNumber()))).EnsureSuccessStatusCode();
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("受让人乙", TestPeople.IdNumber()))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await Problems.AssertAsync(refused, HttpStatusCode.Conflict, ReasonCodes.BeneficiaryLimitReached);
        }

        var list = (await member.Client.GetFromJsonAsync<BeneficiaryList>("/api/membership/beneficiaries", Json.Options))!;
        Assert.Equal(BeneficiaryPolicy.MaxPerMember, list.Items.Count);
        Assert.Equal(BeneficiaryPolicy.MaxPerMember, list.SlotsUsed);

        // Removing one frees its slot for the next.
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync($"/api/membership/beneficiaries/{list.Items[3].Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("受让人丙", TestPeople.IdNumber()))).StatusCode);
    }

    [Fact]
    public async Task Should_become_effective_on_day_60_not_59_and_announce_it_once()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var created = await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", TestPeople.IdNumber()));
        var view = (await created.Content.ReadFromJsonAsync<BeneficiaryView>(Json.Options))!;
        var approved = await Reviewer.PostAsync($"/api/membership/reviews/beneficiaries/{view.Id}/approve", null);
        Assert.Equal(BeneficiaryStatus.VerifiedWaiting, (await approved.Content.ReadFromJsonAsync<BeneficiaryView>(Json.Options))!.Status);

        var job = factory.Services.GetRequiredService<BeneficiaryEffectiveJob>();
        var submittedOn = ChinaCalendar.Today(factory.Clock);
        factory.Clock.SetUtcNow(new DateTimeOffset(submittedOn.AddDays(59).ToDateTime(new TimeOnly(12, 0)), ChinaCalendar.Offset).ToUniversalTime());
        await job.RunOnceAsync(CancellationToken.None);
        member = member with { Client = factory.CreateClientFor(member.MemberId) }; // the sign-in token lasts 2 hours
        Assert.Equal(BeneficiaryStatus.VerifiedWaiting, (await member.Client.GetFromJsonAsync<BeneficiaryView>($"/api/membership/beneficiaries/{view.Id}", Json.Options))!.Status);
        Assert.False(factory.Harness.Published.Select<BeneficiaryBecameEffective>(m => m.Context.Message.BeneficiaryId == view.Id).Any());

        factory.Clock.Advance(TimeSpan.FromDays(1));
        member = member with { Client = factory.CreateClientFor(member.MemberId) };
        Assert.Equal(BeneficiaryStatus.Effective, (await member.Client.GetFromJsonAsync<BeneficiaryView>($"/api/membership/beneficiaries/{view.Id}", Json.Options))!.Status);
        await job.RunOnceAsync(CancellationToken.None);
        await job.RunOnceAsync(CancellationToken.None);
        Assert.True(await factory.Harness.Published.Any<BeneficiaryBecameEffective>(m => m.Context.Message.BeneficiaryId == view.Id));
        Assert.Single(factory.Harness.Published.Select<BeneficiaryBecameEffective>(m => m.Context.Message.BeneficiaryId == view.Id));
    }

    [Fact]
    public async Task Should_restart_the_60_days_when_a_removed_beneficiary_is_added_again()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var id = TestPeople.IdNumber();
        var first = (await (await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", id))).Content.ReadFromJsonAsync<BeneficiaryView>(Json.Options))!;
        factory.Clock.Advance(TimeSpan.FromDays(30));
        member = member with { Client = factory.CreateClientFor(member.MemberId) }; // the sign-in token lasts 2 hours

        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync($"/api/membership/beneficiaries/{first.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync($"/api/membership/beneficiaries/{first.Id}")).StatusCode);

        var again = (await (await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", id))).Content.ReadFromJsonAsync<BeneficiaryView>(Json.Options))!;
        Assert.NotEqual(first.Id, again.Id);
        Assert.Equal(first.EffectiveOn.AddDays(30), again.EffectiveOn);
        Assert.Equal(ChinaCalendar.Today(factory.Clock).AddDays(60), again.EffectiveOn);
    }

    [Fact]
    public async Task Should_let_a_reviewer_reject_with_a_reason_and_read_the_uploaded_files()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var front = Samples.Jpeg(fill: 77);
        var view = (await (await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", TestPeople.IdNumber(), front: front)))
            .Content.ReadFromJsonAsync<BeneficiaryView>(Json.Options))!;

        var queue = await Reviewer.GetFromJsonAsync<List<BeneficiaryReviewItem>>("/api/membership/reviews/beneficiaries", Json.Options);
        var item = Assert.Single(queue!, i => i.Beneficiary.Id == view.Id);
        Assert.Equal(front, await Reviewer.GetByteArrayAsync(item.Files.IdFront));

        await Problems.AssertAsync(await Reviewer.PostAsJsonAsync($"/api/membership/reviews/beneficiaries/{view.Id}/reject", new { reason = "" }),
            HttpStatusCode.BadRequest, ReasonCodes.InvalidRequest);
        (await Reviewer.PostAsJsonAsync($"/api/membership/reviews/beneficiaries/{view.Id}/reject", new { reason = "身份证背面不清晰" })).EnsureSuccessStatusCode();
        await Problems.AssertAsync(await Reviewer.PostAsync($"/api/membership/reviews/beneficiaries/{view.Id}/approve", null),
            HttpStatusCode.Conflict, MembershipReasonCodes.NotPending);

        var seen = await member.Client.GetFromJsonAsync<BeneficiaryView>($"/api/membership/beneficiaries/{view.Id}", Json.Options);
        Assert.Equal(BeneficiaryStatus.Rejected, seen!.Status);
        Assert.Equal("身份证背面不清晰", seen.RejectionReason);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync(item.Files.IdFront)).StatusCode);
    }

    [Fact]
    public async Task Should_answer_404_to_reviewing_an_unknown_beneficiary_or_asking_for_an_unknown_file()
    {
        var unknown = Guid.NewGuid();
        await Problems.AssertAsync(await Reviewer.PostAsync($"/api/membership/reviews/beneficiaries/{unknown}/approve", null), HttpStatusCode.NotFound, ReasonCodes.NotFound);
        await Problems.AssertAsync(await Reviewer.PostAsJsonAsync($"/api/membership/reviews/beneficiaries/{unknown}/reject", new { reason = "身份证背面不清晰" }),
            HttpStatusCode.NotFound, ReasonCodes.NotFound);
        await Problems.AssertAsync(await Reviewer.GetAsync($"/api/membership/reviews/beneficiaries/{unknown}/files/id-front"), HttpStatusCode.NotFound, ReasonCodes.NotFound);

        var member = await MemberSession.RegisterAsync(factory);
        var view = (await (await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", TestPeople.IdNumber())))
            .Content.ReadFromJsonAsync<BeneficiaryView>(Json.Options))!;
        await Problems.AssertAsync(await Reviewer.GetAsync($"/api/membership/reviews/beneficiaries/{view.Id}/files/passport"), HttpStatusCode.NotFound, ReasonCodes.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await Reviewer.GetAsync($"/api/membership/reviews/beneficiaries/{view.Id}/files/face-video")).StatusCode);
    }

    [Fact]
    public async Task Should_answer_each_file_inline_as_the_image_or_video_type_it_was_accepted_as_so_a_browser_shows_it()
    {
        var member = await MemberSession.RegisterAsync(factory);
        var quickTime = Samples.FaceVideo();
        "qt  "u8.CopyTo(quickTime.AsSpan(8));
        var view = (await (await member.Client.PostAsync("/api/membership/beneficiaries", Samples.Beneficiary("李四", TestPeople.IdNumber(), video: quickTime, videoType: "video/quicktime")))
            .Content.ReadFromJsonAsync<BeneficiaryView>(Json.Options))!;

        foreach (var (file, contentType) in new[] { ("id-front", "image/jpeg"), ("id-back", "image/jpeg"), ("face-video", "video/quicktime") })
        {
            using var response = await Reviewer.GetAsync($"/api/membership/reviews/beneficiaries/{view.Id}/files/{file}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.GetAsync($"/api/membership/reviews/beneficiaries/{view.Id}/files/id-front")).StatusCode);
    }
}
