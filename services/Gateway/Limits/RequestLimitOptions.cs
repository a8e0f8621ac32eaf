namespace Changxing.Gateway.Limits;

/// <summary>Configuration section <c>Gateway:Limits</c>.</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "Gateway:Limits";

    /// <summary>JSON bodies: far above any real request of this API.</summary>
    public long MaxJsonBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Multipart uploads (a beneficiary's ID card images and face video).</summary>
    public long MaxUploadBodyBytes { get; set; } = 80 * 1024 * 1024;

    /// <summary>
    /// Path and query as sent (percent-encoded): 4 KiB, half what a service's Kestrel takes, so whatever passes here is
    /// forwarded whole. Kestrel in front lets up to <see cref="KestrelRequestLineBytes"/> through so that a longer one
    /// gets a problem document (414) instead of Kestrel's empty answer.
    /// </summary>
    public int MaxRequestTargetBytes { get; set; } = 4 * 1024;

    /// <summary>All header names and values together: 16 KiB, half a service's Kestrel limit (431 beyond).</summary>
    public int MaxHeaderBytes { get; set; } = 16 * 1024;

    /// <summary>What the gateway's Kestrel itself accepts; beyond these it answers 414 or 431 with an empty body.</summary>
    public const int KestrelRequestLineBytes = 64 * 1024;

    public const int KestrelHeaderBytes = 128 * 1024;
}
