namespace Changxing.Contracts.Membership;

/// <summary>A wrong consumption password (消费密码) was entered; it counts as a failed payment.</summary>
public sealed record PaymentPasswordRejected(Guid MemberId, int AttemptsLeft, bool Locked, DateTimeOffset RejectedAt);
