using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Accounts;
using Changxing.Membership.Activation;
using Changxing.Membership.Data;
using Changxing.Membership.Uploads;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Changxing.ServiceDefaults.Time;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.Beneficiaries;

/// <summary>The reviewer's side of beneficiaries (受让人核验): see the submissions and their files, verify or reject.</summary>
public static class BeneficiaryReviewEndpoints
{
    public static IEndpointRouteBuilder MapBeneficiaryReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/membership/reviews/beneficiaries").WithTags("Reviews").RequireAuthorization(Roles.Reviewer);
        group.MapGet("/", List).WithSummary("List beneficiaries awaiting review (or with another review status)").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest);
        group.MapGet("/{id:guid}/files/{file}", File).WithSummary("Download a beneficiary's ID image or face video (id-front, id-back, face-video)").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        group.MapPost("/{id:guid}/approve", Approve).WithSummary("Verify a beneficiary").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound).ProducesProblemReasons(StatusCodes.Status409Conflict, MembershipReasonCodes.NotPending);
        group.MapPost("/{id:guid}/reject", Reject).WithSummary("Reject a beneficiary, with a reason").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound).ProducesProblemReasons(StatusCodes.Status409Conflict, MembershipReasonCodes.NotPending);
        return app;
    }

    internal static async Task<Ok<List<BeneficiaryReviewItem>>> List(
        MembershipDbContext db, TimeProvider clock, BeneficiaryReview? review, CancellationToken cancellationToken)
    {
        var wanted = review ?? BeneficiaryReview.PendingReview;
        var rows = await db.Beneficiaries.AsNoTracking().Where(b => b.Review == wanted && b.RemovedAt == null).OrderBy(b => b.Id).Take(200).ToListAsync(cancellationToken);
        var today = clock.Today();
        return TypedResults.Ok(rows.Select(b => new BeneficiaryReviewItem(b.MemberId, BeneficiaryView.Of(b, today), Files(b.Id))).ToList());
    }

    /// <summary>One of the submission's files, answered inline as the type it was accepted as (<see cref="StoredFileAnswer"/>).</summary>
    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> File(
        Guid id, string file, HttpContext http, MembershipDbContext db, ContentAddressedFileStore files, CancellationToken cancellationToken)
    {
        var b = await db.Beneficiaries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        var (hash, kind) = file switch
        {
            "id-front" => (b?.IdFrontSha256, UploadKind.IdImage),
            "id-back" => (b?.IdBackSha256, UploadKind.IdImage),
            "face-video" => (b?.FaceVideoSha256, UploadKind.FaceVideo),
            _ => (null, UploadKind.IdImage),
        };
        return await StoredFileAnswer.InlineAsync(http, files, hash, kind, file, $"No file '{file}' for beneficiary {id}.", cancellationToken);
    }

    internal static async Task<Results<Ok<BeneficiaryView>, ProblemHttpResult>> Approve(
        Guid id, HttpContext http, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        await DecideAsync(id, db, clock, b => b.Verify(http.User.MemberId(), clock.GetUtcNow()), cancellationToken);

    internal static async Task<Results<Ok<BeneficiaryView>, ProblemHttpResult>> Reject(
        Guid id, RejectRequest request, HttpContext http, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, "A rejection needs a reason of at most 500 characters (驳回须注明原因).");
        }

        return await DecideAsync(id, db, clock, b => b.Reject(http.User.MemberId(), request.Reason.Trim(), clock.GetUtcNow()), cancellationToken);
    }

    private static async Task<Results<Ok<BeneficiaryView>, ProblemHttpResult>> DecideAsync(
        Guid id, MembershipDbContext db, TimeProvider clock, Action<Beneficiary> decide, CancellationToken cancellationToken)
    {
        var beneficiary = await db.Beneficiaries.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (beneficiary is null)
        {
            return ProblemResults.NotFound($"No beneficiary {id}.");
        }

        try
        {
            decide(beneficiary);
        }
        catch (StateConflictException e)
        {
            return ProblemResults.Conflict(MembershipReasonCodes.NotPending, e.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(BeneficiaryView.Of(beneficiary, clock.Today()));
    }

    private static BeneficiaryFiles Files(Guid id) => new(
        $"/api/membership/reviews/beneficiaries/{id}/files/id-front",
        $"/api/membership/reviews/beneficiaries/{id}/files/id-back",
        $"/api/membership/reviews/beneficiaries/{id}/files/face-video");
}

public sealed record BeneficiaryFiles(string IdFront, string IdBack, string FaceVideo);

public sealed record BeneficiaryReviewItem(Guid MemberId, BeneficiaryView Beneficiary, BeneficiaryFiles Files);
