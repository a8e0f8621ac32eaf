using Changxing.Contracts;
using Changxing.Contracts.Membership;
using Changxing.Membership.Accounts;
using Changxing.Membership.Data;
using Changxing.Membership.Uploads;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Changxing.Membership.Activation;

/// <summary>The reviewer's side of activation (审核): members whose checks passed wait here for a decision.</summary>
public static class MemberReviewEndpoints
{
    public static IEndpointRouteBuilder MapMemberReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/membership/reviews/members").WithTags("Reviews").RequireAuthorization(Roles.Reviewer);
        group.MapGet("/", List).WithSummary("List members awaiting activation review (or with another review status)").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest);
        group.MapGet("/{memberId:guid}/files/face-video", FaceVideo).WithSummary("Download the face video a member uploaded for activation's face check").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        group.MapPost("/{memberId:guid}/approve", Approve).WithSummary("Approve a member's activation").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound).ProducesProblemReasons(StatusCodes.Status409Conflict, MembershipReasonCodes.NotPending);
        group.MapPost("/{memberId:guid}/reject", Reject).WithSummary("Reject a member's activation, with a reason").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound).ProducesProblemReasons(StatusCodes.Status409Conflict, MembershipReasonCodes.NotPending);
        return app;
    }

    internal static async Task<Ok<List<MemberReviewItem>>> List(MembershipDbContext db, ReviewStatus? status, CancellationToken cancellationToken)
    {
        var wanted = status ?? ReviewStatus.Pending;
        var members = await db.Members.AsNoTracking().Where(m => m.Review == wanted).OrderBy(m => m.Id).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(members.Select(MemberReviewItem.Of).ToList());
    }

    /// <summary>The member's face video, answered inline as the type it was accepted as (<see cref="StoredFileAnswer"/>).</summary>
    internal static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> FaceVideo(
        Guid memberId, HttpContext http, MembershipDbContext db, ContentAddressedFileStore files, CancellationToken cancellationToken)
    {
        var hash = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => m.FaceVideoSha256).SingleOrDefaultAsync(cancellationToken);
        return await StoredFileAnswer.InlineAsync(
            http, files, hash, UploadKind.FaceVideo, "face-video", $"No face video kept for member {memberId} (activated before videos were kept, or none uploaded).", cancellationToken);
    }

    internal static async Task<Results<Ok<ActivationView>, ProblemHttpResult>> Approve(
        Guid memberId, HttpContext http, MembershipDbContext db, ActivationAnnouncer announcer, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return ProblemResults.NotFound($"No member {memberId}.");
        }

        try
        {
            member.Approve(http.User.MemberId(), clock.GetUtcNow());
        }
        catch (StateConflictException e)
        {
            return ProblemResults.Conflict(MembershipReasonCodes.NotPending, e.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        await announcer.AnnounceAsync(member, cancellationToken);
        return TypedResults.Ok(ActivationView.Of(member));
    }

    internal static async Task<Results<Ok<ActivationView>, ProblemHttpResult>> Reject(
        Guid memberId, RejectRequest request, HttpContext http, MembershipDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500)
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, "A rejection needs a reason of at most 500 characters (驳回须注明原因).");
        }

        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        if (member is null)
        {
            return ProblemResults.NotFound($"No member {memberId}.");
        }

        try
        {
            member.Reject(http.User.MemberId(), request.Reason.Trim(), clock.GetUtcNow());
        }
        catch (StateConflictException e)
        {
            return ProblemResults.Conflict(MembershipReasonCodes.NotPending, e.Message);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ActivationView.Of(member));
    }
}

public sealed record RejectRequest(string? Reason);

/// <summary>A member in the review queue; <see cref="FaceVideo"/> is the reviewer's link to their face video, null when none was kept.</summary>
public sealed record MemberReviewItem(
    Guid MemberId, string Name, string IdNumberMasked, DateOnly BirthDate, CheckStatus RealName, CheckStatus Face, ReviewStatus Review, DateTimeOffset RegisteredAt,
    string? FaceVideo)
{
    public static MemberReviewItem Of(Member m) =>
        new(m.Id, m.Name, ResidentIdNumber.Mask(m.IdNumber), m.BirthDate, m.RealName, m.Face, m.Review, m.RegisteredAt,
            m.FaceVideoSha256 is null ? null : $"/api/membership/reviews/members/{m.Id}/files/face-video");
}
