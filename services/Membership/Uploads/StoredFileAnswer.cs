using Changxing.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Changxing.Membership.Uploads;

/// <summary>
/// How a reviewer is answered a stored upload: as the image or video it was accepted as (its type read back from its
/// first bytes, only ever one of the upload types), shown inline and never sniffed into anything else, so the
/// reviewer's page can display it. Used by both review queues (members' activation and beneficiaries).
/// </summary>
public static class StoredFileAnswer
{
    /// <summary>The file stored under <paramref name="sha256"/>, or a 404 problem saying <paramref name="missing"/>.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> InlineAsync(
        HttpContext http, ContentAddressedFileStore files, string? sha256, UploadKind kind, string name, string missing, CancellationToken cancellationToken)
    {
        var stream = sha256 is null ? null : files.OpenRead(sha256);
        if (stream is null)
        {
            return ProblemResults.NotFound(missing);
        }

        var head = new byte[MediaSignatures.HeadBytes];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        stream.Position = 0;
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{name}-{sha256}\"";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(stream, MediaSignatures.Sniff(kind, head.AsSpan(0, read)) ?? "application/octet-stream", enableRangeProcessing: true);
    }
}
