using Changxing.Contracts.Membership;
using Changxing.Contracts.Points;
using Changxing.Contracts.Redemptions;
using MassTransit;

namespace Changxing.Membership.Notifications;

/// <summary>
/// Turns every event a member is told about into an inbox message (推送通知). Idempotent: the source key
/// (event type and its id) is unique, so a redelivered event adds no second message.
/// </summary>
public sealed class MemberNotificationConsumer(NotificationInbox inbox) :
    IConsumer<RedemptionCompleted>,
    IConsumer<RedemptionFailed>,
    IConsumer<SupportTicketOpened>,
    IConsumer<SupportTicketResolved>,
    IConsumer<BeneficiaryBecameEffective>,
    IConsumer<PointsCredited>,
    IConsumer<PointsExpiringSoon>
{
    public Task Consume(ConsumeContext<RedemptionCompleted> context) =>
        inbox.AddAsync(context.Message.MemberId, $"RedemptionCompleted:{context.Message.RedemptionId}", NotificationTexts.TicketIssued(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<RedemptionFailed> context) =>
        inbox.AddAsync(context.Message.MemberId, $"RedemptionFailed:{context.Message.RedemptionId}", NotificationTexts.RedemptionFailed(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<SupportTicketOpened> context) =>
        inbox.AddAsync(context.Message.MemberId, $"SupportTicketOpened:{context.Message.TicketId}", NotificationTexts.SupportTicketOpened(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<SupportTicketResolved> context) =>
        inbox.AddAsync(context.Message.MemberId, $"SupportTicketResolved:{context.Message.TicketId}", NotificationTexts.SupportTicketResolved(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<BeneficiaryBecameEffective> context) =>
        inbox.AddAsync(context.Message.MemberId, $"BeneficiaryBecameEffective:{context.Message.BeneficiaryId}", NotificationTexts.BeneficiaryEffective(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<PointsCredited> context) =>
        inbox.AddAsync(context.Message.MemberId, $"PointsCredited:{context.Message.LotId}", NotificationTexts.PointsCredited(context.Message), context.CancellationToken);

    public Task Consume(ConsumeContext<PointsExpiringSoon> context) =>
        inbox.AddAsync(context.Message.MemberId, $"PointsExpiringSoon:{context.Message.LotId}", NotificationTexts.PointsExpiringSoon(context.Message), context.CancellationToken);
}
