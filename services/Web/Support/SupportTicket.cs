namespace Changxing.Web.Support;

/// <summary>A support ticket (客服工单) as Membership answers it, with the payment failures attached.</summary>
public sealed record SupportTicket(
    Guid Id, string Number, Guid MemberId, string Keyword, string Status, DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt, string? Resolution, IReadOnlyList<PaymentFailure> Failures);

public sealed record PaymentFailure(Guid? RedemptionId, string Reason, DateTimeOffset FailedAt);
