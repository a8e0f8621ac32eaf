using Changxing.Contracts;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Changxing.Gateway.Limits;

/// <summary>
/// Refuses at the edge what no API accepts: bodies of another content type than JSON or multipart (415),
/// and bodies over the size limit (413), before anything is forwarded.
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<RequestLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        // Only the API is held to JSON and multipart: the web front end's pages post ordinary HTML forms.
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || !HasBody(request))
        {
            await next(context);
            return;
        }

        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var isJson = mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var isMultipart = string.Equals(mediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase);
        if (!isJson && !isMultipart)
        {
            await ProblemResults.Problem(
                StatusCodes.Status415UnsupportedMediaType,
                ReasonCodes.InvalidRequest,
                "Send bodies as application/json (or multipart/form-data for uploads).").ExecuteAsync(context);
            return;
        }

        var limit = isMultipart ? options.Value.MaxUploadBodyBytes : options.Value.MaxJsonBodyBytes;
        if (request.ContentLength > limit)
        {
            await ProblemResults.Problem(
                StatusCodes.Status413PayloadTooLarge,
                ReasonCodes.InvalidRequest,
                $"The body is larger than the {limit} bytes accepted here.").ExecuteAsync(context);
            return;
        }

        // Chunked bodies without a length are cut off by Kestrel at the same limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        await next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || !string.IsNullOrEmpty(request.ContentType);
}
