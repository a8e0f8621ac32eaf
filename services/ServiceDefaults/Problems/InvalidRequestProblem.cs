using Changxing.Contracts;
using Microsoft.AspNetCore.Http;

namespace Changxing.ServiceDefaults.Problems;

/// <summary>Writes the problem document for input refused by an exception handler: the status given, the InvalidRequest reason.</summary>
public static class InvalidRequestProblem
{
    public static async ValueTask<bool> WriteAsync(
        IProblemDetailsService problems, HttpContext httpContext, Exception exception, int status, string title, string detail)
    {
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = title,
                Detail = detail,
                Type = ProblemResults.TypeUri(ReasonCodes.InvalidRequest),
                Extensions = { ["reason"] = ReasonCodes.InvalidRequest },
            },
        });
    }
}
