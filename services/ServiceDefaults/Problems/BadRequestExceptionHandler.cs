using Changxing.Contracts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Changxing.ServiceDefaults.Problems;

/// <summary>
/// Malformed JSON, wrong types and oversized bodies surface as <see cref="BadHttpRequestException"/>;
/// answer them as problem details with a reason instead of a bare status code.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Invalid request",
                Detail = bad.Message,
                Type = ProblemResults.TypeUri(ReasonCodes.InvalidRequest),
                Extensions = { ["reason"] = ReasonCodes.InvalidRequest },
            },
        });
    }
}
