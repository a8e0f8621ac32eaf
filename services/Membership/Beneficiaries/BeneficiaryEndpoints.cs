using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Accounts;
using Changxing.Membership.Activation;
using Changxing.Membership.Data;
using Changxing.Membership.Uploads;
using Changxing.ServiceDefaults.Auth;
using Changxing.Messaging.Data;
using Changxing.ServiceDefaults.Problems;
using Changxing.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.Beneficiaries;

/// <summary>A member's beneficiaries (受让人): list, add with ID images and a face video, remove.</summary>
public static class BeneficiaryEndpoints
{
    public static IEndpointRouteBuilder MapBeneficiaryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/membership/beneficiaries").WithTags("Beneficiaries").RequireAuthorization(p => p.RequireRole(Roles.Member));
        group.MapGet("/", List).WithSummary("List the caller's beneficiaries (受让人) and the slots used");
        group.MapGet("/{id:guid}", Get).WithSummary("Read one of the caller's beneficiaries").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        group.MapPost("/", Add).WithMetadata(new RequestSizeLimit(UploadLimits.BeneficiaryRequestBytes)).WithSummary("Add a beneficiary with ID images and a face video")
            .ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest, MembershipReasonCodes.InvalidResidentIdNumber, MembershipReasonCodes.UploadRejected)
            .ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound)
            .ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.BeneficiaryLimitReached, MembershipReasonCodes.BeneficiaryAlreadyAdded, MembershipReasonCodes.ConcurrentAttempt)
            .ProducesProblemReasons(StatusCodes.Status422UnprocessableEntity, MembershipReasonCodes.FaceNotMatched);
        group.MapDelete("/{id:guid}", Remove).WithSummary("Remove a beneficiary").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        return app;
    }

    internal static async Task<Ok<BeneficiaryList>> List(HttpContext http, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var rows = await db.Beneficiaries.AsNoTracking().Where(b => b.MemberId == memberId && b.RemovedAt == null).OrderBy(b => b.Id).ToListAsync(cancellationToken);
        var today = clock.Today();
        var slotsUsed = rows.Count(b => b.Review != BeneficiaryReview.Rejected);
        return TypedResults.Ok(new BeneficiaryList(rows.Select(b => BeneficiaryView.Of(b, today)).ToList(), slotsUsed, BeneficiaryPolicy.MaxPerMember));
    }

    internal static async Task<Results<Ok<BeneficiaryView>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var beneficiary = await db.Beneficiaries.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id && b.MemberId == memberId && b.RemovedAt == null, cancellationToken);
        return beneficiary is null ? ProblemResults.NotFound($"No beneficiary {id}.") : TypedResults.Ok(BeneficiaryView.Of(beneficiary, clock.Today()));
    }

    internal static async Task<Results<Created<BeneficiaryView>, ProblemHttpResult>> Add(
        HttpContext http, MembershipDbContext db, PersonKeyHasher keys, UploadPolicy uploads, ContentAddressedFileStore files,
        IFaceVerifier faces, TimeProvider clock, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return ProblemResults.NotFound("No member account for this token.");
        }

        if (!http.Request.HasFormContentType)
        {
            return ProblemResults.BadRequest(MembershipReasonCodes.UploadRejected,
                "Send multipart/form-data with name, idNumber, idFront, idBack and faceVideo.");
        }

        if (await MultipartForm.TryReadAsync(http.Request, cancellationToken) is not { } form)
        {
            return ProblemResults.BadRequest(MembershipReasonCodes.UploadRejected, MultipartForm.Malformed);
        }

        var name = form["name"].ToString().Trim();
        if (!AccountRules.IsName(name))
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, "Name must be 2 to 50 characters (姓名须为2至50个字符).");
        }

        if (!ResidentIdNumber.TryParse(form["idNumber"].ToString(), out var idNumber) || !idNumber.IsOfLivingPersonOn(clock.Today()))
        {
            return ProblemResults.BadRequest(MembershipReasonCodes.InvalidResidentIdNumber, "The resident ID number is not valid (身份证号码无效).");
        }

        var idFront = form.Files.GetFile("idFront");
        var idBack = form.Files.GetFile("idBack");
        var faceVideo = form.Files.GetFile("faceVideo");
        var refusal = await uploads.RefusalAsync(idFront, "idFront", UploadKind.IdImage, cancellationToken)
            ?? await uploads.RefusalAsync(idBack, "idBack", UploadKind.IdImage, cancellationToken)
            ?? await uploads.RefusalAsync(faceVideo, "faceVideo", UploadKind.FaceVideo, cancellationToken);
        if (refusal is not null)
        {
            return ProblemResults.BadRequest(MembershipReasonCodes.UploadRejected, refusal);
        }

        var personKey = keys.KeyOf(idNumber);
        if (personKey == member.PersonKey)
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, "The member travels as themself and is not a beneficiary (本人无需添加为受让人).");
        }

        var held = await HeldSlotsAsync(db, memberId, cancellationToken);
        if (held.ContainsKey(personKey))
        {
            return AlreadyAdded();
        }

        if (BeneficiaryPolicy.FreeSlot(held.Values) is null)
        {
            return LimitReached();
        }

        await using (var video = faceVideo!.OpenReadStream())
        {
            var face = await faces.VerifyAsync(idNumber.Value, video, faceVideo.Length, cancellationToken);
            if (!face.Passed)
            {
                return ProblemResults.Unprocessable(MembershipReasonCodes.FaceNotMatched, face.Reason!);
            }
        }

        var frontHash = await SaveAsync(files, idFront!, cancellationToken);
        var backHash = await SaveAsync(files, idBack!, cancellationToken);
        var videoHash = await SaveAsync(files, faceVideo, cancellationToken);

        // The unique (MemberId, Slot) index is what keeps the limit under concurrent adds: of two adds taking the last free
        // slot, one is stored and the other, re-reading the slots, finds none left (or its person already added).
        var now = clock.GetUtcNow();
        for (var attempt = 0; attempt < BeneficiaryPolicy.MaxPerMember; attempt++)
        {
            if (BeneficiaryPolicy.FreeSlot(held.Values) is not { } slot)
            {
                return LimitReached();
            }

            var beneficiary = Beneficiary.Submit(Guid.CreateVersion7(now), memberId, slot, name, idNumber.Value, personKey, frontHash, backHash, videoHash, now);
            db.Beneficiaries.Add(beneficiary);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return TypedResults.Created($"/api/membership/beneficiaries/{beneficiary.Id}", BeneficiaryView.Of(beneficiary, clock.Today()));
            }
            catch (DbUpdateException e) when (UniqueKeyViolation.Matches(e))
            {
                db.Entry(beneficiary).State = EntityState.Detached;
                held = await HeldSlotsAsync(db, memberId, cancellationToken);
                if (held.ContainsKey(personKey))
                {
                    return AlreadyAdded();
                }
            }
        }

        return ProblemResults.Conflict(MembershipReasonCodes.ConcurrentAttempt, "Other beneficiaries were being added at the same time; try again (请重试).");
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid id, HttpContext http, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var memberId = http.User.MemberId();
        var beneficiary = await db.Beneficiaries.SingleOrDefaultAsync(b => b.Id == id && b.MemberId == memberId && b.RemovedAt == null, cancellationToken);
        if (beneficiary is null)
        {
            return ProblemResults.NotFound($"No beneficiary {id}.");
        }

        beneficiary.Remove(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<string> SaveAsync(ContentAddressedFileStore files, IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        return await files.SaveAsync(stream, cancellationToken);
    }

    /// <summary>The member's held slots by person key (removed and rejected beneficiaries hold none).</summary>
    private static async Task<Dictionary<string, int>> HeldSlotsAsync(MembershipDbContext db, Guid memberId, CancellationToken cancellationToken) =>
        await db.Beneficiaries.AsNoTracking().Where(b => b.MemberId == memberId && b.Slot != null)
            .ToDictionaryAsync(b => b.PersonKey, b => b.Slot!.Value, cancellationToken);

    private static ProblemHttpResult LimitReached() =>
        ProblemResults.Conflict(ReasonCodes.BeneficiaryLimitReached,
            $"A member may have at most {BeneficiaryPolicy.MaxPerMember} beneficiaries; remove one first (受让人最多{BeneficiaryPolicy.MaxPerMember}人).");

    private static ProblemHttpResult AlreadyAdded() =>
        ProblemResults.Conflict(MembershipReasonCodes.BeneficiaryAlreadyAdded, "This person is already one of the member's beneficiaries (该受让人已添加).");
}

public sealed record BeneficiaryList(IReadOnlyList<BeneficiaryView> Items, int SlotsUsed, int MaxSlots);
