using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Changxing.ServiceDefaults.Problems;

public static class ProblemReasonsEndpointConventions
{
    /// <summary>
    /// Declares a problem answer (<c>ProducesProblem</c>) with the reason codes it carries, so the API reference lists
    /// them: <c>.ProducesProblemReasons(StatusCodes.Status409Conflict, ReasonCodes.AlreadyCredited)</c>.
    /// </summary>
    public static TBuilder ProducesProblemReasons<TBuilder>(this TBuilder builder, int statusCode, params string[] reasons)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemReasons(statusCode, reasons)).ProducesProblem(statusCode);
}
