namespace Changxing.Points.Refunds;

public sealed record RefundResponse(Guid RedemptionId, Guid MemberId, Guid LotId, long Points, DateOnly ExpiresOn);
