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

/// <summary>The member's side of activation: real-name verification (实名认证) and face verification (人脸识别).</summary>
public static class ActivationEndpoints
{
    public static IEndpointRouteBuilder MapActivationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/membership/activation").WithTags("Activation").RequireAuthorization(p => p.RequireRole(Roles.Member));
        group.MapGet("/", Status).WithSummary("Read the caller's activation: real name, face and review").ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound);
        group.MapPost("/real-name", RealName).WithSummary("Verify the caller's real name (实名认证)").ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound).ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.Conflict).ProducesProblemReasons(StatusCodes.Status422UnprocessableEntity, MembershipReasonCodes.RealNameMismatch);
        group.MapPost("/face", Face).WithMetadata(new RequestSizeLimit(UploadLimits.FaceRequestBytes)).WithSummary("Upload a face video for face verification (人脸核验)").ProducesProblemReasons(StatusCodes.Status400BadRequest, MembershipReasonCodes.UploadRejected).ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.NotFound).ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.Conflict, MembershipReasonCodes.RealNameNotVerified).ProducesProblemReasons(StatusCodes.Status422UnprocessableEntity, MembershipReasonCodes.FaceNotMatched);
        return app;
    }

    internal static async Task<Results<Ok<ActivationView>, ProblemHttpResult>> Status(HttpContext http, MembershipDbContext db, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == http.User.MemberId(), cancellationToken);
        return member is null ? ProblemResults.NotFound("No member account for this token.") : TypedResults.Ok(ActivationView.Of(member));
    }

    internal static async Task<Results<Ok<ActivationView>, ProblemHttpResult>> RealName(
        RealNameRequest request, HttpContext http, MembershipDbContext db, IRealNameVerifier verifier, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == http.User.MemberId(), cancellationToken);
        if (member is null)
        {
            return ProblemResults.NotFound("No member account for this token.");
        }

        if (member.IsActive)
        {
            return ProblemResults.Conflict(ReasonCodes.Conflict, "The member is already active (会员已激活).");
        }

        VerificationResult result;
        if (!ResidentIdNumber.TryParse(request.IdNumber, out var id) || id.Value != member.IdNumber || request.Name?.Trim() != member.Name)
        {
            result = VerificationResult.Fail("Name and ID number differ from the registered ones (姓名或证件号与注册信息不一致).");
        }
        else
        {
            result = await verifier.VerifyAsync(member.Name, member.IdNumber, cancellationToken);
        }

        member.RecordRealName(result.Passed, result.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return result.Passed
            ? TypedResults.Ok(ActivationView.Of(member))
            : ProblemResults.Unprocessable(MembershipReasonCodes.RealNameMismatch, result.Reason!);
    }

    internal static async Task<Results<Ok<ActivationView>, ProblemHttpResult>> Face(
        HttpContext http, MembershipDbContext db, IFaceVerifier verifier, UploadPolicy uploads, ContentAddressedFileStore files, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.Id == http.User.MemberId(), cancellationToken);
        if (member is null)
        {
            return ProblemResults.NotFound("No member account for this token.");
        }

        if (member.IsActive)
        {
            return ProblemResults.Conflict(ReasonCodes.Conflict, "The member is already active (会员已激活).");
        }

        if (member.RealName != CheckStatus.Passed)
        {
            return ProblemResults.Conflict(MembershipReasonCodes.RealNameNotVerified, "Pass real-name verification first (请先完成实名认证).");
        }

        if (!http.Request.HasFormContentType)
        {
            return ProblemResults.BadRequest(MembershipReasonCodes.UploadRejected, "Send multipart/form-data with a 'video' file.");
        }

        if (await MultipartForm.TryReadAsync(http.Request, cancellationToken) is not { } form)
        {
            return ProblemResults.BadRequest(MembershipReasonCodes.UploadRejected, MultipartForm.Malformed);
        }

        var video = form.Files.GetFile("video");
        if (await uploads.RefusalAsync(video, "video", UploadKind.FaceVideo, cancellationToken) is { } refusal)
        {
            return ProblemResults.BadRequest(MembershipReasonCodes.UploadRejected, refusal);
        }

        // Kept whatever the check says, for the reviewer to watch, as a beneficiary's video is.
        string videoHash;
        await using (var content = video!.OpenReadStream())
        {
            videoHash = await files.SaveAsync(content, cancellationToken);
        }

        await using var sample = video.OpenReadStream();
        var result = await verifier.VerifyAsync(member.IdNumber, sample, video.Length, cancellationToken);
        member.RecordFace(videoHash, result.Passed, result.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return result.Passed
            ? TypedResults.Ok(ActivationView.Of(member))
            : ProblemResults.Unprocessable(MembershipReasonCodes.FaceNotMatched, result.Reason!);
    }
}

public sealed record RealNameRequest(string? Name, string? IdNumber);
