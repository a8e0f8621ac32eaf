using Changxing.Contracts;
using Microsoft.AspNetCore.Http;

namespace Changxing.ServiceDefaults.Problems;

/// <summary>
/// The reason a problem document carries when no endpoint chose one: answers the framework writes itself
/// (404 for an unknown route, 405, 415, the 401 challenge, a 403) keep the house convention that every
/// problem has a <c>reason</c> a client can dispatch on.
/// </summary>
public static class DefaultReasons
{
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ReasonCodes.Unauthenticated,
        StatusCodes.Status403Forbidden => ReasonCodes.Forbidden,
        StatusCodes.Status404NotFound => ReasonCodes.NotFound,
        StatusCodes.Status409Conflict => ReasonCodes.Conflict,
        StatusCodes.Status429TooManyRequests => ReasonCodes.RateLimited,
        StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable => ReasonCodes.DownstreamUnavailable,
        StatusCodes.Status504GatewayTimeout => ReasonCodes.DownstreamTimedOut,
        >= 500 => ReasonCodes.SystemError,
        _ => ReasonCodes.InvalidRequest,
    };

    /// <summary>Adds the reason (and the matching <c>type</c>) to a problem that has none.</summary>
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("reason"))
        {
            return;
        }

        var reason = ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
        problem.Extensions["reason"] = reason;
        problem.Type = ProblemResults.TypeUri(reason);
    }
}
