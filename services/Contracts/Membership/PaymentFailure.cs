namespace Changxing.Contracts.Membership;

/// <summary>One failed payment, as attached to a support ticket.</summary>
public sealed record PaymentFailure(Guid? RedemptionId, string Reason, DateTimeOffset FailedAt);
