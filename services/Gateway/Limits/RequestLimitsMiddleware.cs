using Changxing.Contracts;
using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Changxing.Gateway.Limits;

/// <summary>
/// Refuses at the edge what no service accepts: a path and query or headers over their limits (414, 431, as problem
/// documents where Kestrel would answer with an empty body), header values that are not ASCII (400: HTTP allows only ASCII on the
/// way on, and forwarding one would fail as if the service were down), and, for the API, bodies of another content type
/// than JSON or multipart (415) and bodies over the size limit (413), before anything is forwarded.
/// </summary>
public sealed class RequestLimitsMiddleware(RequestDelegate next, IOptions<RequestLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
            ? raw
            : request.Path.ToUriComponent() + request.QueryString.Value;
        if (target.Length > options.Value.MaxRequestTargetBytes)
        {
            await ProblemResults.Problem(StatusCodes.Status414UriTooLong, ReasonCodes.InvalidRequest,
                $"The path and query are longer than the {options.Value.MaxRequestTargetBytes} characters accepted here.").ExecuteAsync(context);
            return;
        }

        if (HeaderBytes(request) > options.Value.MaxHeaderBytes)
        {
            await ProblemResults.Problem(StatusCodes.Status431RequestHeaderFieldsTooLarge, ReasonCodes.InvalidRequest,
                $"The headers are larger than the {options.Value.MaxHeaderBytes} bytes accepted here.").ExecuteAsync(context);
            return;
        }

        if (FirstNonAsciiHeader(request) is { } header)
        {
            await ProblemResults.BadRequest(ReasonCodes.InvalidRequest, $"The {header} header holds a character that is not ASCII; encode it first.")
                .ExecuteAsync(context);
            return;
        }

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

    private static long HeaderBytes(HttpRequest request)
    {
        long total = 0;
        foreach (var (name, values) in request.Headers)
        {
            total += name.Length + 4; // ": " and CRLF
            foreach (var value in values)
            {
                total += value?.Length ?? 0;
            }
        }

        return total;
    }

    private static string? FirstNonAsciiHeader(HttpRequest request)
    {
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                if (value is not null && !System.Text.Ascii.IsValid(value))
                {
                    return name;
                }
            }
        }

        return null;
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0 || !string.IsNullOrEmpty(request.ContentType);
}
