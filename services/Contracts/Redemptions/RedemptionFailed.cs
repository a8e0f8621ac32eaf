namespace Changxing.Contracts.Redemptions;

/// <summary>The redemption ended Failed after compensation. <paramref name="IsPaymentFailure"/> feeds the strike counter.</summary>
public sealed record RedemptionFailed(Guid RedemptionId, Guid MemberId, string Reason, string Detail, bool IsPaymentFailure, DateTimeOffset FailedAt);
