namespace Changxing.Membership.Notifications;

public enum NotificationKind
{
    TicketIssued,
    RedemptionFailed,
    SupportTicketOpened,
    SupportTicketResolved,
    BeneficiaryEffective,
    PointsCredited,
    PointsExpiringSoon,
}
