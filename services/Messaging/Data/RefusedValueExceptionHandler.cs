using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Changxing.Messaging.Data;

/// <summary>
/// The safety net behind input validation: a value the database refuses (too long for its column, a NUL on
/// PostgreSQL) is the client's input at fault, so it answers 400 with the InvalidRequest reason, not 500.
/// Nothing was written: the statement failed.
/// </summary>
public sealed class RefusedValueExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken) =>
        RefusedValue.Matches(exception)
            ? InvalidRequestProblem.WriteAsync(problems, httpContext, exception, StatusCodes.Status400BadRequest, "Invalid request",
                "A value is longer than its field allows or holds a character that cannot be stored.")
            : ValueTask.FromResult(false);
}
