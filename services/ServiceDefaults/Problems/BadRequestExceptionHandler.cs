using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Changxing.ServiceDefaults.Problems;

/// <summary>
/// Malformed JSON, wrong types and oversized bodies surface as <see cref="BadHttpRequestException"/>;
/// answer them as problem details with a reason instead of a bare status code, in plain words (<see cref="BindFailureDetail"/>).
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
        exception is BadHttpRequestException bad
            ? InvalidRequestProblem.WriteAsync(problems, httpContext, exception, bad.StatusCode,
                bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Invalid request",
                bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The body is larger than the limit accepted here." : BindFailureDetail.For(bad.Message))
            : ValueTask.FromResult(false);
}
