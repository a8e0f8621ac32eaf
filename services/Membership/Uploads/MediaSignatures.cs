namespace Changxing.Membership.Uploads;

/// <summary>
/// The media types an upload may have and the first bytes that prove each one. The upload check compares a file's
/// declared type with its bytes; the reviewer's download reads the type back from the stored bytes, so a file is always
/// answered as the type it was accepted as, and never as anything outside this list.
/// </summary>
public static class MediaSignatures
{
    /// <summary>Bytes enough to tell every type here apart.</summary>
    public const int HeadBytes = 16;

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

    /// <summary>Whether a file starting with <paramref name="head"/> is what <paramref name="contentType"/> says.</summary>
    public static bool Matches(string contentType, ReadOnlySpan<byte> head) =>
        Signatures.TryGetValue(contentType, out var matches) && matches(head);

    /// <summary>The type of a file of <paramref name="kind"/> starting with <paramref name="head"/>; null when none fits.</summary>
    public static string? Sniff(UploadKind kind, ReadOnlySpan<byte> head)
    {
        if (kind == UploadKind.FaceVideo && IsQuickTime(head))
        {
            return "video/quicktime";
        }

        foreach (var contentType in ContentTypes(kind))
        {
            if (Signatures[contentType](head))
            {
                return contentType;
            }
        }

        return null;
    }

    // ISO base media files (MP4, QuickTime) start with a box whose type, at offset 4, is "ftyp"; QuickTime's brand is "qt  ".
    private static bool IsIsoMedia(ReadOnlySpan<byte> b) => b.Length >= 8 && b.Slice(4, 4).SequenceEqual("ftyp"u8);

    private static bool IsQuickTime(ReadOnlySpan<byte> b) => IsIsoMedia(b) && b.Length >= 12 && b.Slice(8, 4).SequenceEqual("qt  "u8);
}
