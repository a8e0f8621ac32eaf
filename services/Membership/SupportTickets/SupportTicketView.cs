namespace Changxing.Membership.SupportTickets;

public sealed record SupportTicketView(
    Guid Id, string Number, Guid MemberId, string Keyword, SupportTicketStatus Status, DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt, string? Resolution, IReadOnlyList<PaymentFailureView> Failures)
{
    public static SupportTicketView Of(SupportTicket t) =>
        new(t.Id, t.Number, t.MemberId, t.Keyword, t.Status, t.OpenedAt, t.ResolvedAt, t.Resolution,
            t.Failures.OrderBy(f => f.FailedAt).Select(f => new PaymentFailureView(f.RedemptionId, f.Reason, f.FailedAt)).ToList());
}

public sealed record PaymentFailureView(Guid? RedemptionId, string Reason, DateTimeOffset FailedAt);
