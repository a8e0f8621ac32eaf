using Changxing.Contracts;
using Changxing.ServiceDefaults.Auth;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Changxing.Points.Refunds;

public static class RefundEndpoints
{
    public static IEndpointRouteBuilder MapRefundEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/points/refunds", RefundAsync)
            .RequireAuthorization(Roles.Operator)
            .WithTags("Refunds")
            .WithSummary("Redeposit a captured redemption's points (force majeure)")
            .ProducesProblemReasons(StatusCodes.Status400BadRequest, ReasonCodes.InvalidRequest)
            .ProducesProblemReasons(StatusCodes.Status404NotFound, ReasonCodes.HoldNotFound)
            .ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.Conflict, ReasonCodes.AlreadyCredited);
        return app;
    }

    private static async Task<Results<Created<RefundResponse>, ProblemHttpResult>> RefundAsync(
        RefundRequest request, ForceMajeureRefunds refunds, CancellationToken ct)
    {
        if (request.RedemptionId == Guid.Empty || request.Reason is { Length: > RefundRequest.MaxReasonLength })
        {
            return ProblemResults.BadRequest(ReasonCodes.InvalidRequest, $"redemptionId is required; a reason has at most {RefundRequest.MaxReasonLength} characters.");
        }

        var outcome = await refunds.RefundAsync(request.RedemptionId, request.Reason, ct);
        switch (outcome.Status)
        {
            case RefundStatus.HoldNotFound:
                return ProblemResults.Problem(StatusCodes.Status404NotFound, ReasonCodes.HoldNotFound, "No points were held for this redemption.");
            case RefundStatus.NotCaptured:
                return ProblemResults.Conflict(ReasonCodes.Conflict, "Only a captured redemption can be refunded.");
            case RefundStatus.AlreadyRefunded:
                return ProblemResults.Conflict(ReasonCodes.AlreadyCredited, "This redemption's points were already redeposited.",
                    new Dictionary<string, object?> { ["lotId"] = outcome.Credited?.LotId });
        }

        var credited = outcome.Credited!;
        return TypedResults.Created(
            $"/api/points/members/{credited.MemberId}/statement",
            new RefundResponse(request.RedemptionId, credited.MemberId, credited.LotId, credited.Points, credited.ExpiresOn));
    }
}
