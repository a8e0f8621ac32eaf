namespace Changxing.Points.Refunds;

/// <summary>A force-majeure refund of a captured redemption; <see cref="Reason"/> is kept on the statement line.</summary>
public sealed record RefundRequest(Guid RedemptionId, string? Reason)
{
    /// <summary>The statement line keeps 200 characters of it; a longer reason is refused rather than cut.</summary>
    public const int MaxReasonLength = 200;
}
