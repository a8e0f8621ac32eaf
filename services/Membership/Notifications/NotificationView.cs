namespace Changxing.Membership.Notifications;

public sealed record NotificationView(
    Guid Id, NotificationKind Kind, string TitleZh, string TitleEn, string BodyZh, string BodyEn, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationView Of(Notification n) => new(n.Id, n.Kind, n.TitleZh, n.TitleEn, n.BodyZh, n.BodyEn, n.CreatedAt, n.ReadAt);
}
