namespace Changxing.Gateway.Limits;

/// <summary>Configuration section <c>Gateway:Limits</c>.</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "Gateway:Limits";

    /// <summary>JSON bodies: far above any real request of this API.</summary>
    public long MaxJsonBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Multipart uploads (a beneficiary's ID card images and face video).</summary>
    public long MaxUploadBodyBytes { get; set; } = 80 * 1024 * 1024;
}
