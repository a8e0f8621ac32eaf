using Microsoft.Extensions.Options;

namespace Changxing.Membership.Uploads;

/// <summary>
/// Size and content-type limits for uploads. The declared content type must be allowed for the kind and the
/// file's first bytes must match it, so a renamed executable is not kept as an "image".
/// </summary>
public sealed class UploadPolicy(IOptions<MembershipOptions> options)
{
    private static readonly Dictionary<string, Func<ReadOnlySpan<byte>, bool>> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = b => b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        ["image/png"] = b => b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ["video/mp4"] = IsIsoMedia,
        ["video/quicktime"] = IsIsoMedia,
        ["video/webm"] = b => b.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]),
    };

    public static IReadOnlyList<string> ContentTypes(UploadKind kind) => kind == UploadKind.IdImage
        ? ["image/jpeg", "image/png"]
        : ["video/mp4", "video/quicktime", "video/webm"];

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
        if (!ContentTypes(kind).Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            return $"'{field}' has content type '{contentType}'; accepted: {string.Join(", ", ContentTypes(kind))}.";
        }

        var head = new byte[16];
        await using var stream = file.OpenReadStream();
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return Signatures[contentType](head.AsSpan(0, read)) ? null : $"'{field}' does not look like {contentType}.";
    }

    // ISO base media files (MP4, QuickTime) start with a box whose type, at offset 4, is "ftyp".
    private static bool IsIsoMedia(ReadOnlySpan<byte> b) => b.Length >= 8 && b.Slice(4, 4).SequenceEqual("ftyp"u8);
}
