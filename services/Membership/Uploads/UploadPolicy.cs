using Microsoft.Extensions.Options;

namespace Changxing.Membership.Uploads;

/// <summary>
/// Size and content-type limits for uploads. The declared content type must be allowed for the kind and the
/// file's first bytes must match it, so a renamed executable is not kept as an "image".
/// </summary>
public sealed class UploadPolicy(IOptions<MembershipOptions> options)
{
    public long MaxBytes(UploadKind kind) => kind == UploadKind.IdImage ? options.Value.MaxImageBytes : options.Value.MaxVideoBytes;

    /// <summary>Null when acceptable, otherwise why not.</summary>
    public async Task<string?> RefusalAsync(IFormFile? file, string field, UploadKind kind, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return $"'{field}' is missing or empty.";
        }

        if (file.Length > MaxBytes(kind))
        {
            return $"'{field}' is {file.Length} bytes; at most {MaxBytes(kind)} are accepted.";
        }

        var contentType = file.ContentType?.Split(';')[0].Trim() ?? "";
        if (!MediaSignatures.ContentTypes(kind).Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            return $"'{field}' has content type '{contentType}'; accepted: {string.Join(", ", MediaSignatures.ContentTypes(kind))}.";
        }

        var head = new byte[MediaSignatures.HeadBytes];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return MediaSignatures.Matches(contentType, head.AsSpan(0, read)) ? null : $"'{field}' does not look like {contentType}.";
    }
}
