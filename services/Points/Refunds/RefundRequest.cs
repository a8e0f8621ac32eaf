namespace Changxing.Points.Refunds;

/// <summary>A force-majeure refund of a captured redemption; <see cref="Reason"/> is kept on the statement line.</summary>
public sealed record RefundRequest(Guid RedemptionId, string? Reason);
