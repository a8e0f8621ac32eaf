using System.Text;
using Changxing.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Changxing.ServiceDefaults.Problems;

/// <summary>
/// Refuses a body whose <c>charset</c> .NET has no encoding for (<c>application/json; charset=klingon</c>) with a 415
/// problem. Left alone, ASP.NET's JSON binding throws InvalidOperationException on it, which answers 500.
/// </summary>
public sealed class UnsupportedCharsetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type)
            && type.Charset.HasValue
            && !IsKnown(type.Charset.Value!.Trim('"')))
        {
            await ProblemResults.Problem(
                StatusCodes.Status415UnsupportedMediaType,
                ReasonCodes.InvalidRequest,
                $"The charset '{type.Charset.Value}' is not supported; send UTF-8.").ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
