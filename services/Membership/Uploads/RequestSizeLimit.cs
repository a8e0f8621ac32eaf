using Microsoft.AspNetCore.Http.Metadata;

namespace Changxing.Membership.Uploads;

/// <summary>Endpoint metadata that raises or lowers Kestrel's request body limit for one upload endpoint.</summary>
public sealed class RequestSizeLimit(long bytes) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize { get; } = bytes;
}
